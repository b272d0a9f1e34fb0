"""Friction and cooperation count for a pair only when the sentence's syntax links the two members
to the cue; otherwise the pair is neutral ("when unsure, neutral"). Sentences are written for these
tests, not taken from real text."""

import pytest

from pipeline.config import DEFAULT_TAXONOMY
from pipeline.tagging.lexicon import load_lexicon
from pipeline.tagging.tagger import tag_text


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(DEFAULT_TAXONOMY)


def _dyads(text, lexicon, lang="en"):
    return {f"{d.a}-{d.b}": d for d in tag_text(text, lang, lexicon).dyads}


def _relations(text, lexicon, lang="en"):
    return {pair: d.relation for pair, d in _dyads(text, lexicon, lang).items()}


LINKED = [
    ("the two as subject", "Iran buys Russian wheat, yet the two remain rivals in the gas market.", {"IR-RU": "friction"}),
    ("both countries as subject", "Beijing and Pyongyang share a border, and both countries distrust each other.",
     {"CN-KP": "friction"}),
    ("named as an enemy", "A leaked Iranian cable calls Russia an adversary.", {"IR-RU": "friction"}),
    ("qualified namer", "An internal Chinese report describes Russia as a potential threat.", {"CN-RU": "friction"}),
    ("another's programme named a threat", "Beijing sees Pyongyang's missile programme as a threat.", {"CN-KP": "friction"}),
    ("fronted between", "Between Tehran and Moscow, mistrust runs deep.", {"IR-RU": "friction"}),
    ("relations between … cooled", "Relations between Moscow and Beijing have cooled.", {"CN-RU": "friction"}),
    ("disagreement of the two", "Beijing and Moscow disagree over the price of gas.", {"CN-RU": "friction"}),
    ("daylight between", "The summit exposed daylight between China and Russia.", {"CN-RU": "friction"}),
]

UNLINKED = [
    ("a topic of the two's disagreement", "Beijing and Moscow disagree over Iran's nuclear programme.",
     {"CN-RU": "friction", "CN-IR": "neutral", "IR-RU": "neutral"}),
    ("each with its own trouble", "China faces distrust in Africa, and Russia is stuck in a stalemate in Ukraine.",
     {"CN-RU": "neutral"}),
    ("a third party's rivalry", "Washington sees rivalry with China as its main task while Russia watches.",
     {"CN-RU": "neutral"}),
    ("two members in a friction sentence about others", "Russian and Chinese officials voiced distrust of NATO.",
     {"CN-RU": "neutral"}),
    ("leveraging another's asset", "Russia aims to leverage North Korea's arsenal to distract Washington.",
     {"KP-RU": "neutral"}),
    ("a pledge in a concessive clause", "Chinese hackers targeted Russian defence firms despite the two pledging not to spy on each other.",
     {"CN-RU": "friction"}),
    ("a shared fear is no joint act", "Moscow and Beijing fear American missile defence in Asia.", {"CN-RU": "neutral"}),
    ("the two of three members", "Officials from China, Iran and Russia spoke, and the two remain rivals.",
     {"CN-IR": "neutral", "CN-RU": "neutral", "IR-RU": "neutral"}),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in LINKED + UNLINKED], ids=[c[0] for c in LINKED + UNLINKED])
def test_a_relation_needs_a_link(lexicon, text, expected):
    got = _relations(text, lexicon)
    assert {pair: got.get(pair) for pair in expected} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("pl", "Między Rosją a Chinami narasta nieufność.", {"CN-RU": "friction"}),
    ("de", "Die beiden Länder misstrauen einander, sagt ein Bericht über China und Russland.", {"CN-RU": "friction"}),
    ("es", "Rusia y China comercian, pero ambos países desconfían del otro.", {"CN-RU": "friction"}),
])
def test_links_in_other_languages(lexicon, lang, text, expected):
    got = _relations(text, lexicon, lang)
    assert {pair: got.get(pair) for pair in expected} == expected


def test_a_pair_no_cue_links_is_neutral_and_unsure(lexicon):
    dyad = _dyads("A Russian official voiced distrust, and China said nothing.", lexicon)["CN-RU"]
    assert (dyad.relation, dyad.confidence < 0.7) == ("neutral", True)


def test_a_relation_read_through_a_loose_structure_is_unsure(lexicon):
    dyad = _dyads("Tehran and Moscow share a border, and the two remain rivals in the gas market.", lexicon)["IR-RU"]
    assert (dyad.relation, dyad.confidence < 0.7) == ("friction", True)
    firm = _dyads("Iran distrusts Russia.", lexicon)["IR-RU"]
    assert (firm.relation, firm.confidence >= 0.7) == ("friction", True)
