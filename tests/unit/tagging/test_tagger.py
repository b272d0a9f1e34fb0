import pytest

from pipeline.config import DEFAULT_TAXONOMY
from pipeline.tagging.lexicon import load_lexicon
from pipeline.tagging.sentences import split_sentences
from pipeline.tagging.tagger import tag_text


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(DEFAULT_TAXONOMY)


def _members(text, lexicon, lang="en"):
    return sorted({s.label for s in tag_text(text, lang, lexicon).actors if s.label in lexicon.members})


def test_names_capitals_leaders_and_demonyms(lexicon):
    text = "Beijing hosted Putin while Tehran and the DPRK watched; Iranian envoys flew in."
    assert _members(text, lexicon) == ["CN", "IR", "KP", "RU"]


def test_hard_negatives_are_not_members(lexicon):
    assert _members("South Korea and Japan met near the Korean Peninsula.", lexicon) == []
    assert _members("She packed the good china for the move.", lexicon) == []
    assert _members("Students in Moscow, Idaho held a bake sale.", lexicon) == []


def test_offsets_point_at_the_surface(lexicon):
    text = "Officials said Moscow and Pyongyang agreed."
    for span in tag_text(text, "en", lexicon).actors:
        assert text[span.start:span.end] == span.surface


def test_russian_and_chinese_aliases(lexicon):
    assert _members("Москва и Пекин подписали соглашение.", lexicon, "ru") == ["CN", "RU"]
    assert _members("中国和俄罗斯举行了会谈。", lexicon, "zh") == ["CN", "RU"]


def test_framings_with_a_stance(lexicon):
    result = tag_text('Pundits call them "natural allies". The pact is not a bloc. They form an axis of upheaval.'
                      .replace("axis of upheaval", "Axis of Upheaval"), "en", lexicon)
    got = [(s.label, stance) for s, stance in result.framings]
    assert ("natural_allies", "distanced") in got
    assert ("bloc", "contested") in got
    assert ("axis_of_upheaval", "asserted") in got


def test_sentences_split_on_latin_and_cjk_punctuation():
    text = "One. Two! 三。四？ Five"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["One.", "Two!", "三。", "四？", "Five"]
