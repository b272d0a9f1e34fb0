from pipeline.language import detect_language


def test_detects_english_russian_chinese_reproducibly():
    en = "The summit in the capital ended without a joint statement on the sanctions regime."
    ru = "Саммит в столице завершился без совместного заявления о режиме санкций и торговле."
    zh = "峰会在首都结束，双方没有就制裁问题发表联合声明，也没有宣布新的合作计划。"
    assert detect_language(en)[0] == "en"
    assert detect_language(ru)[0] == "ru"
    assert detect_language(zh)[0] == "zh"
    assert [detect_language(en) for _ in range(3)] == [detect_language(en)] * 3


def test_short_text_is_undetermined_unless_hinted():
    assert detect_language("ok")[0] == "und"
    assert detect_language("ok", hint="ru")[0] == "ru"
