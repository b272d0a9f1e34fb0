"""The tagger on hand-written sentences: members, hard negatives, offsets, framings, dyads."""

import pytest

from pipeline.tagging.tagger import tag_text


def _members(text, lexicon, lang="en"):
    return tag_text(text, lang, lexicon).member_codes(lexicon)


def _framings(text, lexicon, lang="en"):
    return [(f.label, f.stance) for f in tag_text(text, lang, lexicon).framings]


def _dyads(text, lexicon, lang="en"):
    return [(d.a, d.b, d.relation) for d in tag_text(text, lang, lexicon).dyads]


def test_names_capitals_leaders_demonyms_and_organs(lexicon):
    text = "Beijing hosted Putin while Tehran and the DPRK watched; Iranian envoys flew in."
    assert _members(text, lexicon) == ["CN", "IR", "KP", "RU"]
    assert _members("The Islamic Republic and the Politburo both stayed silent.", lexicon) == ["CN", "IR"]
    assert _members("Kim Jong Un met Vladimir Putin.", lexicon) == ["KP", "RU"]


def test_hard_negatives_are_not_members(lexicon):
    assert _members("South Korea and Japan met near the Korean Peninsula.", lexicon) == []
    assert _members("She packed the good china for the move.", lexicon) == []
    assert _members("Students in Moscow, Idaho held a bake sale.", lexicon) == []
    assert _members("Tankers crossed the Persian Gulf and the South China Sea.", lexicon) == []
    assert _members("Investors in Xi'an sold shares.", lexicon) == []


def test_north_and_south_korea_mentions_the_north(lexicon):
    assert _members("The summit covered North and South Korea.", lexicon) == ["KP"]


def test_crink_is_a_framing_not_a_member_mention(lexicon):
    assert _members("The CRINK states drew closer.", lexicon) == []
    assert _framings("The CRINK states drew closer.", lexicon) == [("crink", "asserted")]


def test_non_members_are_tagged_but_not_members(lexicon):
    result = tag_text("The United States and Japan warned Russia.", "en", lexicon)
    assert {s.label for s in result.actors} == {"US", "JP", "RU"}
    assert result.member_codes(lexicon) == ["RU"]


def test_offsets_point_at_the_surface_in_every_script(lexicon):
    for text, lang in [("Officials said Moscow and Pyongyang agreed.", "en"),
                       ("Москвой и Пекином подписано соглашение.", "ru"),
                       ("中俄双方在北京举行会谈。", "zh"),
                       ("중국은 러시아와 협력했다.", "ko"),
                       ("ایران و روسیه توافق کردند.", "fa")]:
        result = tag_text(text, lang, lexicon)
        assert result.actors, text
        for span in result.actors:
            assert text[span.start:span.end] == span.surface
        for framing in result.framings:
            assert text[framing.start:framing.end] == framing.surface


@pytest.mark.parametrize("lang,text,members", [
    ("ru", "Москва и Пекин подписали соглашение.", ["CN", "RU"]),
    ("ru", "Делегации России, Китая, Ирана и КНДР встретились.", ["CN", "IR", "KP", "RU"]),
    ("zh", "中国和俄罗斯举行了会谈。", ["CN", "RU"]),
    ("zh", "中俄东线管道输气量创新高。", ["CN", "RU"]),
    ("zh", "朝鲜半岛局势稳定。", []),
    ("fa", "ایران و روسیه قرارداد همکاری امضا کردند.", ["IR", "RU"]),
    ("fa", "کره شمالی موشک شلیک کرد و پکن سکوت کرد.", ["CN", "KP"]),
    ("fa", "کشتی‌ها از خلیج فارس عبور کردند.", []),
    ("ko", "중국은 러시아와 협력을 강화했다.", ["CN", "RU"]),
    ("ko", "북한이 미사일을 발사했다.", ["KP"]),
    ("ko", "한반도 정세는 안정적이다.", []),
    ("ko", "동맹이란 무엇인가.", []),
    ("fr", "La Chine et la Russie ont signé un accord avec Téhéran.", ["CN", "IR", "RU"]),
    ("de", "Russlands Krieg und Chinas Hilfe beunruhigen Nordkoreas Nachbarn.", ["CN", "KP", "RU"]),
    ("es", "La economía china compra petróleo iraní.", ["CN", "IR"]),
    ("es", "Los barcos cruzaron el golfo Pérsico.", []),
])
def test_aliases_in_eight_languages(lexicon, lang, text, members):
    assert _members(text, lexicon, lang) == members


def test_framings_with_a_stance(lexicon):
    text = ('Pundits call China and Russia "natural allies". Russia and China are not a bloc. '
            "Together with Iran they form an Axis of Upheaval.")
    got = _framings(text, lexicon)
    assert got == [("natural_allies", "distanced"), ("bloc", "contested"), ("axis_of_upheaval", "asserted")]


def test_rather_than_contests_only_what_follows(lexicon):
    got = _framings("Sino-Russian ties are a marriage of convenience rather than an axis of autocracies.", lexicon)
    assert got == [("convenience", "asserted"), ("axis", "contested")]


def test_generic_framings_need_a_member_in_the_text(lexicon):
    assert _framings("The farm bloc blocked the bill.", lexicon) == []
    assert _framings("The 27-member bloc agreed a budget with Russia.", lexicon) == []
    assert _framings("China and Russia act as a bloc.", lexicon) == [("bloc", "asserted")]


def test_framings_in_other_languages(lexicon):
    assert _framings("所谓“动荡轴心”论调经不起推敲，中国并不认同。", lexicon, "zh") == [("axis_of_upheaval", "contested")]
    assert _framings("Россия и Китай — не естественные союзники.", lexicon, "ru") == [("natural_allies", "contested")]
    assert _framings("서방은 중국과 러시아를 이른바 격변의 축이라고 부른다.", lexicon, "ko") == [("axis_of_upheaval", "distanced")]
    assert _framings("رابطه تهران و مسکو یک ائتلاف مصلحتی است.", lexicon, "fa") == [("convenience", "asserted")]
    assert _framings("Peking und Moskau schlossen eine Zweckehe.", lexicon, "de") == [("convenience", "asserted")]


def test_dyads_per_sentence_with_relation(lexicon):
    assert _dyads("China and Russia signed a gas deal.", lexicon) == [("CN", "RU", "cooperation")]
    assert _dyads("Distrust between Moscow and Beijing is growing.", lexicon) == [("CN", "RU", "friction")]
    assert _dyads("Russia and China both abstained.", lexicon) == [("CN", "RU", "neutral")]
    assert _dyads("Russia spoke. China listened.", lexicon) == []


def test_a_third_party_sanction_is_not_friction_between_members(lexicon):
    assert _dyads("Washington sanctioned Chinese and Russian banks.", lexicon) == [("CN", "RU", "neutral")]
    assert _dyads("China condemned North Korea's nuclear test.", lexicon) == [("CN", "KP", "friction")]


def test_negated_cooperation_is_not_cooperation(lexicon):
    assert _dyads("China and Russia did not sign the deal.", lexicon) == [("CN", "RU", "neutral")]
    assert _dyads("중국과 러시아는 협력하지 않았다.", lexicon, "ko") == [("CN", "RU", "neutral")]


def test_compounds_give_one_actor_per_character(lexicon):
    result = tag_text("中俄合作", "zh", lexicon)
    assert [(s.label, s.surface) for s in result.actors] == [("CN", "中"), ("RU", "俄")]
    assert [(d.a, d.b) for d in result.dyads] == [("CN", "RU")]
