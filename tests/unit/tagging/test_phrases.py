"""How names group into phrases: clauses, lists, compounds and partner nouns (written sentences)."""

import re

from pipeline.tagging.phrases import MemberSpan, compound_at, name_run, partner_nouns, split_clauses


def _spans(sentence, names):
    return [MemberSpan(code, m.start(), m.end()) for code, name in names
            for m in [re.search(re.escape(name), sentence)]]


def test_a_serial_comma_keeps_the_clause_and_a_new_predicate_starts_one(lexicon):
    text = "Moscow sends jets, radars, and drones to Pyongyang."
    assert len(split_clauses(text, lexicon, ["en"])) == 1
    text = "Iran signed a deal with Russia and has courted China."
    assert len(split_clauses(text, lexicon, ["en"])) == 2


def test_names_with_their_nouns_form_one_list_only_when_asked():
    text = "Russia buys Iranian drones and North Korean shells."
    spans = _spans(text, [("IR", "Iranian"), ("KP", "North Korean")])
    assert [s.code for s in name_run(text, spans, backwards=False)] == ["IR"]
    assert [s.code for s in name_run(text, spans, backwards=False, nouns=True)] == ["IR", "KP"]


def test_a_hyphen_compound_is_found_from_either_name():
    text = "deepened North Korea-Russia ties"
    spans = _spans(text, [("KP", "North Korea"), ("RU", "Russia")])
    assert compound_at(text, spans, spans[1].start) == spans[0].start
    assert compound_at("North Korea and Russia", _spans("North Korea and Russia",
                                                        [("KP", "North Korea"), ("RU", "Russia")]), 0) is None


def test_partner_nouns_pair_the_possessor_with_the_partner_it_names(lexicon):
    text = "The PRC, North Korea's longtime treaty ally, is wary."
    spans = _spans(text, [("CN", "PRC"), ("KP", "North Korea")])
    cues = lexicon.cue("dyads.cooperation").finditer(text, ["en"])
    found = partner_nouns(text, spans, lexicon, cues)
    assert [sorted(map(sorted, pairs)) for _, pairs, _ in found.values()] == [[["CN", "KP"]]]
    text = "China backs its Russian and Iranian partners."
    spans = _spans(text, [("CN", "China"), ("RU", "Russian"), ("IR", "Iranian")])
    found = partner_nouns(text, spans, lexicon, lexicon.cue("dyads.cooperation").finditer(text, ["en"]))
    assert {frozenset(p) for _, pairs, _ in found.values() for p in pairs} == {frozenset("CN RU".split()),
                                                                              frozenset("CN IR".split())}
