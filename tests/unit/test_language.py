from pipeline.language import detect_language, normalise_language_tag


def test_detects_english_russian_chinese_reproducibly():
    en = "The summit in the capital ended without a joint statement on the sanctions regime."
    ru = "Саммит в столице завершился без совместного заявления о режиме санкций и торговле."
    zh = "峰会在首都结束，双方没有就制裁问题发表联合声明，也没有宣布新的合作计划。"
    assert detect_language(en)[0] == "en"
    assert detect_language(ru)[0] == "ru"
    assert detect_language(zh)[0] == "zh"
    assert [detect_language(en) for _ in range(3)] == [detect_language(en)] * 3


def test_short_text_is_undetermined_even_with_a_hint():
    assert detect_language("ok") == ("und", 0.0)
    assert detect_language("ok", hint="ru") == ("und", 0.0)


def test_a_short_chinese_line_is_long_enough():
    assert detect_language("说得好，有些人最喜欢贴标签。")[0] == "zh"


def test_hint_breaks_a_low_confidence_tie():
    text = "Das Haus ist gross and the house is big"
    # a confidence bar above langdetect's best guess makes the call unclear
    assert detect_language(text, min_confidence=1.01)[0] == "und"
    assert detect_language(text, hint="en", min_confidence=1.01)[0] == "en"
    assert detect_language(text, hint="ja", min_confidence=1.01)[0] == "und"  # not a candidate


def test_only_a_bounded_prefix_is_read():
    long_text = "The summit ended without a statement on sanctions. " * 50 + "Саммит завершился. " * 2000
    assert detect_language(long_text, prefix_chars=2000)[0] == "en"


def test_language_tags_are_normalised():
    assert normalise_language_tag("en-GB") == "en"
    assert normalise_language_tag("zh_CN") == "zh"
    assert normalise_language_tag("") is None
    assert normalise_language_tag("x1") is None
