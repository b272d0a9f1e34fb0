"""Constructions of friction and cooperation that fresh real text showed (round 8): the subject
that opens a clause and a relation noun that takes its partner with "with", words that only look
like cues. Sentences are written for these tests, not taken from real text."""

import pytest

from pipeline.tagging.tagger import tag_text


def _relations(text, lexicon, lang="en"):
    return {f"{d.a}-{d.b}": d.relation for d in tag_text(text, lang, lexicon).dyads}


CASES = [
    # the member that opens the clause is the subject of a relation noun that takes its partner with "with"
    ("opening subject, far cooperation noun", "en",
     "Pyongyang has spent much of the past two difficult years seeking deeper military cooperation with Moscow.",
     {"KP-RU": "cooperation"}),
    ("opening subject, far friction noun", "en",
     "Beijing has long hesitated over the second pipeline project because of disagreements with Moscow over the price.",
     {"CN-RU": "friction"}),
    ("a possessor after 'with' is not the partner", "en",
     "Moscow has spent much of the last two difficult decades building ever closer ties with Tehran's rivals in the Gulf.",
     {"IR-RU": "neutral"}),
    ("an actor between the opening subject and the cue takes it", "en",
     "Beijing has for months been quietly pressing Washington to restart its own talks with Pyongyang.",
     {"CN-KP": "neutral"}),
    # words that start like a cooperation cue but are not one
    ("fundamental is no funding", "en",
     "Russian and Chinese diplomats admit to fundamental differences in their positions.",
     {"CN-RU": "friction"}),
]


@pytest.mark.parametrize("name, lang, text, expected", CASES, ids=[c[0] for c in CASES])
def test_fresh_constructions(name, lang, text, expected, lexicon):
    got = _relations(text, lexicon, lang)
    assert {p: got.get(p) for p in expected} == expected
