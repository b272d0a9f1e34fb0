"""Framing words in the eight languages that are common in other senses (axe, eje, Achse, oś, ось,
محور, coalition): a framing only with the members named right at them. The Second World War's Axis
and the G20 are look-alikes. Stance: a label inside a quoted passage is distanced, a question asks
rather than asserts. Sentences are written for these tests, not taken from real text."""

import pytest

from pipeline.tagging.tagger import tag_text


def _framings(text, lexicon, lang="en"):
    return [(f.label, sorted(f.target)) for f in tag_text(text, lang, lexicon).framings]


def _stances(text, lexicon, lang="en"):
    return [(f.label, f.stance) for f in tag_text(text, lang, lexicon).framings]


LINKED_AXES = [
    ("fr", "Le président a renforcé l'axe Moscou-Téhéran cette année.", ["IR", "RU"]),
    ("es", "El viaje fortalece el eje Rusia-China-Irán frente a Washington.", ["CN", "IR", "RU"]),
    ("de", "Der Besuch stärkt die Achse Moskau-Pjöngjang weiter.", ["KP", "RU"]),
    ("pl", "Wizyta wzmacnia oś Rosja-Iran na Bliskim Wschodzie.", ["IR", "RU"]),
    ("ru", "Визит укрепил ось Москва-Тегеран.", ["IR", "RU"]),
    ("en", "Analysts fear a coalition of China, Russia and Iran.", ["CN", "IR", "RU"]),
]


@pytest.mark.parametrize("lang,text,target", LINKED_AXES)
def test_bare_axis_word_with_members_named_at_it_is_a_framing(lang, text, target, lexicon):
    found = _framings(text, lexicon, lang)
    assert len(found) == 1 and found[0][1] == target


NOT_FRAMINGS = [
    ("fr", "La Russie a fait de l'énergie l'axe principal de sa politique."),
    ("fr", "La Chine investit dans un axe routier vers le Kazakhstan."),
    ("es", "El comercio con China es el eje de la política exterior rusa."),
    ("es", "Rusia critica el eje Washington-Tokio en Asia."),
    ("de", "Russland dreht sich um die eigene Achse, sagt ein Diplomat in Peking."),
    ("pl", "Rosja uczyniła energię osią swojej polityki wobec Chin."),
    ("ru", "Китай сделал торговлю осью своей политики в отношении России."),
    ("en", "China stayed out of the coalition that fought in Iraq."),
    ("en", "Russia's ruling coalition in the Duma backs the deal with Iran."),
    ("en", "Like the Axis powers of the 1940s, Russia and China court each other."),
    ("en", "Russia and China are not the 1930s Axis."),
    ("zh", "俄罗斯能否留在二十国集团，中国表示支持。"),
    ("zh", "二战时的轴心国与今天的中俄关系不可类比。"),
]


@pytest.mark.parametrize("lang,text", NOT_FRAMINGS)
def test_other_senses_and_lookalikes_give_no_framing(lang, text, lexicon):
    assert _framings(text, lexicon, lang) == []


def test_chinese_bare_axis_takes_its_members_from_the_sentence(lexicon):
    assert _framings("中俄轴心正在形成。", lexicon, "zh") == [("axis", ["CN", "RU"])]


def test_german_alliance_of_autocrats_and_spanish_partners_of_convenience(lexicon):
    assert _framings("China und Russland bilden eine Allianz der Autokraten.", lexicon, "de") == [
        ("bloc", ["CN", "RU"])]
    assert [f for f, _ in _framings("Moscú y Teherán actúan como socios de conveniencia.", lexicon, "es")] == ["convenience"]


def test_capitalised_last_word_variant(lexicon):
    assert [f for f, _ in _framings("La Russie et l'Iran forment un axe du Mal.", lexicon, "fr")] == ["axis"]


def test_label_inside_a_quoted_passage_is_distanced(lexicon):
    text = 'The statement said: "The friendship of China and Russia is a no-limits partnership for ever."'
    assert _stances(text, lexicon) == [("no_limits", "distanced")]
    assert _stances("外长说“两国合作没有止境”。", lexicon, "zh") == [("no_limits", "distanced")]


def test_backquoted_label_is_quoted(lexicon):
    assert _stances("China and Russia keep talking about their `no limits` friendship.", lexicon) == [
        ("no_limits", "distanced")]


@pytest.mark.parametrize("lang,text", [
    ("en", "Are China and Russia now a bloc?"),
    ("fr", "La Chine et la Russie forment-elles un bloc ?"),
    ("de", "Bilden China und Russland einen Block?"),
])
def test_a_question_asks_rather_than_asserts(lang, text, lexicon):
    assert _stances(text, lexicon, lang) == [("bloc", "distanced")]


def test_a_question_that_argues_against_stays_contested(lexicon):
    assert _stances("Why do so many still doubt that China and Russia form a bloc?", lexicon)[0][1] == "contested"


def test_assumptions_and_limits_to(lexicon):
    assert _stances("Their drills with Russia fed assumptions of a China-Russia axis.", lexicon) == [
        ("axis", "distanced")]
    assert _stances("There are limits to the no-limits partnership of China and Russia.", lexicon) == [
        ("no_limits", "contested")]


def test_persian_axis_of_two_members_in_the_genitive(lexicon):
    assert _framings("ایران به محور چین و روسیه نزدیک شده است.", lexicon, "fa") == [("axis", ["CN", "RU"])]
    assert _framings("روسیه محور اصلی سیاست خود را انرژی قرار داد.", lexicon, "fa") == []


@pytest.mark.parametrize("lang,text,target", [
    ("de", "Washington sorgt sich um die russisch-iranische Achse.", ["IR", "RU"]),
])
def test_axis_with_a_compound_adjective(lang, text, target, lexicon):
    assert _framings(text, lexicon, lang) == [("axis", target)]


def test_apostrophes_are_no_quote_marks(lexicon):
    assert _stances("CRINK’s trade grew as China and Russia bought more Iranian oil.", lexicon) == [("crink", "asserted")]
    assert _stances("La Russie et l'Iran renforcent l'axe du mal.", lexicon, "fr") == [("axis", "asserted")]


@pytest.mark.parametrize("lang,text,stance", [
    ("en", "According to the trade data, CRINK bought more from China than from Russia.", "asserted"),
    ("en", "According to a senator, China and Russia now form a bloc.", "distanced"),
    ("en", "Their joint drills still fall short of a “bloc” of China and Russia.", "contested"),
    ("en", "It is premature to speak of an axis of Russia and Iran.", "contested"),
    ("en", "The axis of Russia and Iran, if it exists, is weaker than feared.", "contested"),
    ("en", "A bloc of China and Russia may be forming in Central Asia.", "distanced"),
    ("fr", "Dire que la Chine et la Russie forment un « bloc » serait une erreur.", "contested"),
])
def test_critiques_speculation_and_sources_of_figures(lang, text, stance, lexicon):
    assert [s for _, s in _stances(text, lexicon, lang)] == [stance]


def test_coalition_said_of_the_members(lexicon):
    assert _framings("China, Russia and Iran are aligning into a loose coalition.", lexicon) == [
        ("bloc", ["CN", "IR", "RU"])]


def test_a_front_against_a_member_is_no_crink_framing(lexicon):
    text = "Russia tested a missile. Tokyo and Seoul seek a united front against North Korea."
    assert _framings(text, lexicon) == []
    assert _framings("Russland und Nordkorea bilden eine gemeinsame Front gegen die USA.", lexicon, "de") == [
        ("bloc", ["KP", "RU"])]


def test_a_coalition_of_a_member_and_others_is_no_crink_framing(lexicon):
    assert _framings("In 2015, Russia, Egypt, Algeria and Iran formed a coalition against piracy.", lexicon) == []


def test_a_list_with_a_serial_comma_said_to_form_a_coalition(lexicon):
    text = "Many now say that China, Russia, Iran, and North Korea are merging into one coalition."
    assert _framings(text, lexicon) == [("bloc", ["CN", "IR", "KP", "RU"])]
    assert _stances("Die Zusammenarbeit wird als Versuch gesehen, eine gemeinsame Front von Russland und Nordkorea zu bilden.",
                    lexicon, "de") == [("bloc", "distanced")]


def test_a_speaker_before_a_german_determiner_is_no_premodifier(lexicon):
    text = "China, Russland und Iran rücken zusammen. In Washington spricht man von einer neuen „Achse des Bösen“."
    assert _framings(text, lexicon, "de") == [("axis", ["CN", "IR", "RU"])]


def test_an_open_question_takes_the_label_as_given(lexicon):
    text = "China and Russia hold drills. How will the new government deal with the bloc?"
    assert _stances(text, lexicon) == [("bloc", "asserted")]


def test_a_later_framing_refers_back_to_the_grouping_just_characterised(lexicon):
    text = ("China, Russia and Iran have formed an axis of autocracies. Nobody in Washington was ready. "
            "Officials now debate how to answer the bloc.")
    assert _framings(text, lexicon) == [("axis", ["CN", "IR", "RU"]), ("bloc", ["CN", "IR", "RU"])]


def test_asking_whether_the_label_is_right_contests_it(lexicon):
    assert _stances("Is the talk of a China-Russia bloc accurate?", lexicon) == [("bloc", "contested")]


def test_a_label_called_loaded_is_contested(lexicon):
    assert _stances("China and Russia grow closer, but the term 'bloc' is loaded.", lexicon) == [("bloc", "contested")]


def test_chinese_pivot_idiom_is_no_axis(lexicon):
    assert _framings("中俄两国以能源合作为轴心扩大贸易。", lexicon, "zh") == []


def test_a_serial_comma_in_the_members_does_not_end_the_window_after_the_phrase(lexicon):
    text = "A bloc of Russia, Iran, and China may be taking shape."
    assert _stances(text, lexicon) == [("bloc", "distanced")]
