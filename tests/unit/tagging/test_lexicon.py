"""The taxonomy compiles to one automaton per language; its version travels; bad files fail clearly."""

import pytest
import yaml

from pipeline.config import DEFAULT_TAXONOMY
from pipeline.tagging.lexicon import TaxonomyError, compile_taxonomy, load_lexicon

LANGS = {"en", "ru", "zh", "fa", "ko", "fr", "de", "es", "pl", "vi"}


def test_every_member_has_aliases_in_every_language():
    data = yaml.safe_load(DEFAULT_TAXONOMY.read_text(encoding="utf-8"))
    for code, spec in data["members"].items():
        assert set(spec["aliases"]) == LANGS, code
    lexicon = load_lexicon(DEFAULT_TAXONOMY)
    assert set(lexicon.automata) == LANGS
    assert lexicon.members == {"CN", "RU", "IR", "KP"}
    assert set(lexicon.framing_ids) == {"natural_allies", "axis_of_upheaval", "crink", "no_limits", "bloc",
                                        "axis", "convenience"}


def test_framing_phrases_exist_beyond_english():
    data = yaml.safe_load(DEFAULT_TAXONOMY.read_text(encoding="utf-8"))
    for fid, langs in data["framings"].items():
        if fid != "crink":  # an English acronym everywhere
            assert len(langs) >= 6, fid


def test_stems_and_compounds_from_a_small_taxonomy():
    lexicon = compile_taxonomy({
        "version": "t1", "languages": ["en", "ru", "zh"], "boundaries": {"zh": "none"},
        "members": {"RU": {"aliases": {"en": ["Russia"], "ru": ["Москв*"], "zh": ["俄罗斯"]}},
                    "CN": {"aliases": {"zh": ["中国"]}}},
        "compounds": {"zh": {"中俄": ["CN", "RU"]}},
        "framings": {"bloc": {"en": ["bloc"]}},
        "exclusions": {"en": ["Russia Today"]},
    })
    from pipeline.tagging.tagger import scan

    assert scan("Москвой и Москве", lexicon, "ru")[0] == [("RU", 0, 7), ("RU", 10, 16)]
    assert scan("Russia Today reported; Russia denied.", lexicon, "en")[0] == [("RU", 23, 29)]
    assert scan("中俄", lexicon, "zh")[0] == [("CN", 0, 1), ("RU", 1, 2)]
    assert scan("The Bloc formed.", lexicon, "en")[1] == [("bloc", 4, 8)]


def test_a_broken_taxonomy_fails_with_its_reason(tmp_path):
    bad = tmp_path / "t.yml"
    bad.write_text("version: x\nmembers: {}\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="framings"):
        load_lexicon(bad)
    bad.write_text("version: [unclosed\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="not valid YAML"):
        load_lexicon(bad)
    with pytest.raises(TaxonomyError, match="one code per character"):
        compile_taxonomy({"version": "1", "languages": ["zh"], "members": {}, "framings": {},
                          "compounds": {"zh": {"中俄": ["CN"]}}})


@pytest.mark.parametrize("lang, text, code", [
    ("pl", "Współpraca Rosji z Chinami się zacieśnia.", "RU"),
    ("pl", "Władze w Pekinie milczą, a chińskie firmy handlują dalej.", "CN"),
    ("pl", "Teheranowi zależy na dostawach.", "IR"),
    ("pl", "Reżim Korei Północnej wysłał żołnierzy.", "KP"),
    ("de", "Russlands Krieg und Pekings Schweigen.", "RU"),
    ("de", "Chinesische Firmen liefern weiter.", "CN"),
])
def test_polish_and_german_inflected_forms_are_mentions(lang, text, code):
    from pipeline.tagging.tagger import tag_text
    result = tag_text(text, lang, load_lexicon(DEFAULT_TAXONOMY))
    assert code in {a.label for a in result.actors}


def test_polish_language_name_and_cuisine_are_not_mentions():
    from pipeline.tagging.tagger import tag_text
    result = tag_text("Mówi po rosyjsku i lubi kuchnię chińską.", "pl", load_lexicon(DEFAULT_TAXONOMY))
    assert not {a.label for a in result.actors}


def test_a_star_inside_a_multiword_cue_is_a_stem():
    lexicon = load_lexicon(DEFAULT_TAXONOMY)
    assert lexicon.cue("dyads.cooperation").search("Beijing keeps leaning towards Moscow", ["en"])
    assert lexicon.cue("dyads.cooperation").search("Tehran is siding with Moscow", ["en"])
