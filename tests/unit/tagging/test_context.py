"""Tagging in context (issue 12): framing targets and look-alikes, stance in context, relations
per pair, mention variants. Sentences are written for these tests, not taken from real text."""

import pytest

from pipeline.tagging.tagger import tag_text


def _framings(text, lexicon, lang="en"):
    return [(f.label, f.stance, list(f.target)) for f in tag_text(text, lang, lexicon).framings]


def _relations(text, lexicon, lang="en"):
    return {f"{d.a}-{d.b}": d.relation for d in tag_text(text, lang, lexicon).dyads}


def _mentions(text, lexicon, lang="en"):
    return [(s.label, s.surface) for s in tag_text(text, lang, lexicon).actors if s.label in lexicon.members]


# --- framing targets and look-alikes -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Brussels pressed Moscow again; the EU bloc agreed a twentieth sanctions package on Russia.",
    "Russia watched as the transatlantic axis held firm.",
    "Moscow once led the Soviet bloc.",
    "ASEAN met in Jakarta. The bloc then urged China to respect the ruling.",
    "Japan and South Korea are natural allies, whatever Beijing says.",
    "Tokyo and Seoul behave like natural allies these days, even as China objects.",
])
def test_look_alike_groupings_get_no_crink_framing(lexicon, text):
    assert _framings(text, lexicon) == []


def test_a_framing_without_a_member_in_its_sentence_takes_them_from_the_two_before(lexicon):
    text = ("China, Russia, Iran and North Korea have grown closer. Their trade has doubled. "
            "Yet they remain far from a cohesive anti-Western bloc.")
    assert _framings(text, lexicon) == [("bloc", "contested", ["CN", "IR", "KP", "RU"])]
    # three sentences back is too far: nothing names the grouping
    far = "China and Russia met. Nothing else happened. Rain fell. It is hardly a bloc."
    assert _framings(far, lexicon) == []


def test_targets_come_from_the_words_of_the_phrase(lexicon):
    assert _framings("A Sino-Russian axis worries Japan.", lexicon) == [("axis", "asserted", ["CN", "RU"])]
    assert _framings("Critics see an axis between Moscow and Tehran.", lexicon)[0][2] == ["IR", "RU"]
    assert _framings("The CRINK states met.", lexicon) == [("crink", "asserted", ["CN", "IR", "KP", "RU"])]


def test_framing_variants(lexicon):
    assert [f[0] for f in _framings("China and Russia are natural alliances in the making.", lexicon)] == \
        ["natural_allies"]
    for surface in ("CRINK", "crink", "Crink"):
        assert [f[0] for f in _framings(f"The {surface} countries met.", lexicon)] == ["crink"], surface
    got = _framings("Moscow and Beijing praise their “ no limits ” friendship.", lexicon)
    assert got == [("no_limits", "distanced", ["CN", "RU"])]


# --- stance in context ---------------------------------------------------------------------------

def test_a_quoted_label_followed_by_a_rebuttal_is_contested(lexicon):
    text = 'Some call Russia and China an "axis", but the record shows little coordination.'
    assert _framings(text, lexicon)[0][1] == "contested"
    text = "Pundits speak of a Moscow-Beijing axis of autocracies. In reality, the two rarely coordinate."
    assert _framings(text, lexicon)[0][1] == "contested"


def test_attributed_fears_and_hype_are_distanced(lexicon):
    assert _framings("China's arms for Russia fed fears of an emerging bloc.", lexicon)[0][1] == "distanced"
    assert _framings("Proponents argue that China and Russia are natural allies.", lexicon)[0][1] == "distanced"


def test_a_cue_does_not_cross_its_clause(lexicon):
    text = "Russia and Iran are not friends; they are an alliance of convenience."
    assert _framings(text, lexicon)[0][1] == "asserted"


@pytest.mark.parametrize("lang,text,stance", [
    ("en", "Russia and China are far from natural allies.", "contested"),
    ("ru", "Россия и Китай вовсе не естественные союзники.", "contested"),
    ("zh", "中国和俄罗斯并非天然盟友。", "contested"),
    ("fa", "روسیه و چین به هیچ وجه متحدان طبیعی نیستند.", "contested"),
    ("ko", "중국과 러시아는 결코 자연스러운 동맹이 아니다.", "contested"),
    ("fr", "La Chine et la Russie ne sont pas des alliés naturels.", "contested"),
    ("de", "China und Russland sind keine natürlichen Verbündeten.", "contested"),
    ("es", "China y Rusia no son aliados naturales.", "contested"),
    ("ru", "Западные политики называют Россию и Китай так называемым блоком.", "distanced"),
    ("zh", "一些西方媒体渲染中俄“阵营”对抗。", "distanced"),
])
def test_negation_and_attribution_in_eight_languages(lexicon, lang, text, stance):
    got = _framings(text, lexicon, lang)
    assert got and got[0][1] == stance, got


# --- relations per pair --------------------------------------------------------------------------

def test_a_cue_counts_only_for_the_pair_it_links(lexicon):
    got = _relations("Beijing is deepening ties with Moscow while Pyongyang watches.", lexicon)
    assert got == {"CN-KP": "neutral", "CN-RU": "cooperation", "KP-RU": "neutral"}
    got = _relations("China supplies Iran and Russia with drone parts.", lexicon)
    assert got == {"CN-IR": "cooperation", "CN-RU": "cooperation", "IR-RU": "neutral"}


def test_lists_and_third_parties_stay_neutral(lexicon):
    assert _relations("Washington sanctioned Iranian and Russian firms.", lexicon) == {"IR-RU": "neutral"}
    assert _relations("The report covers China, Russia and Iran and their trade with Europe.", lexicon) == \
        {"CN-IR": "neutral", "CN-RU": "neutral", "IR-RU": "neutral"}


def test_joint_action_and_between(lexicon):
    assert _relations("Moscow and Beijing vetoed the resolution.", lexicon) == {"CN-RU": "cooperation"}
    assert _relations("Mistrust and rivalry run deep between Moscow and Beijing.", lexicon) == {"CN-RU": "friction"}


def test_an_oxford_comma_list_is_one_subject_and_a_concessive_clause_counts_alone(lexicon):
    text = "Although Iran, China, and Russia coordinate closely, a formal summit has yet to happen."
    assert set(_relations(text, lexicon).values()) == {"cooperation"}
    text = "Despite their rivalry, Moscow and Beijing signed a gas deal."
    assert _relations(text, lexicon) == {"CN-RU": "cooperation"}


def test_friction_aimed_at_a_third_party_or_a_grouping_of_both_is_not_theirs(lexicon):
    text = "Adversaries like China and Russia are also arming and threatening American satellites."
    assert _relations(text, lexicon) == {"CN-RU": "neutral"}
    text = "China fears a division of the region into a bloc of China, Iran and Russia against the rest."
    assert _relations(text, lexicon)["CN-IR"] == "neutral"


def test_the_clause_subject_is_the_partner_of_a_cue_with_with(lexicon):
    text = "Iran hopes to rebuild its economy while courting investors and deepening cooperation with Russia."
    assert _relations(text, lexicon) == {"IR-RU": "cooperation"}
    text = "Iran and Russia are each expanding trade with China."
    assert _relations(text, lexicon)["IR-RU"] == "neutral"


def test_an_en_dash_compound_is_a_pair(lexicon):
    assert _relations("Trade keeps deepening China–Russia ties.", lexicon) == {"CN-RU": "cooperation"}


# Argument structure read without a parser: each sentence with the relations it must give (pairs
# left out are not checked). Written for these tests.
STRUCTURE = [
    ("partner noun in apposition", "The PRC, North Korea's longtime treaty ally, watches the summit closely.",
     {"CN-KP": "cooperation"}),
    ("partners named through 'its'", "Beijing may end up backing its Russian and Iranian partners more openly.",
     {"CN-IR": "cooperation", "CN-RU": "cooperation", "IR-RU": "neutral"}),
    ("patron in apposition", "Moscow praised its patron, China, at the forum.", {"CN-RU": "cooperation"}),
    ("goods sent to a member", "Traders keep shipping Iranian crude to China through Malaysia.", {"CN-IR": "cooperation"}),
    ("transfers from one to another", "Officials tracked transfers from North Korea to Russia by rail.",
     {"KP-RU": "cooperation"}),
    ("serial comma", "Moscow will send fighter jets, air defence radars, and satellite know-how to Pyongyang.",
     {"KP-RU": "cooperation"}),
    ("passive", "Russia's war against Ukraine, sustained by North Korean shells, drags on.", {"KP-RU": "cooperation"}),
    ("relative clause", "The sanctions hit North Korea, which in recent months has been quietly expanding its trade with Russia.",
     {"KP-RU": "cooperation"}),
    ("compound under another subject", "China does not seem to welcome deepened Iran-Russia military cooperation.",
     {"CN-IR": "friction", "CN-RU": "friction", "IR-RU": "cooperation"}),
    ("compound under friction", "Beijing has reservations about growing Iran-Russia ties.", {"IR-RU": "cooperation"}),
    ("list of goods", "Russia relies on Iranian drones and North Korean shells.",
     {"IR-KP": "neutral", "IR-RU": "cooperation", "KP-RU": "cooperation"}),
    ("dependence", "The war has made Russia more dependent on China.", {"CN-RU": "cooperation"}),
    ("denial", "North Korea and Russia deny any arms transfers.", {"KP-RU": "neutral"}),
    ("untracked partner", "Both China and Russia have increased trade with Africa.", {"CN-RU": "neutral"}),
    ("friction about dependence", "Russia resents its growing dependence on China.", {"CN-RU": "friction"}),
    ("friction about ties", "Beijing is uneasy about Moscow's growing military ties with Pyongyang.",
     {"CN-KP": "friction", "CN-RU": "friction", "KP-RU": "cooperation"}),
    ("reluctance", "Chinese firms have been reluctant to invest in Russia.", {"CN-RU": "friction"}),
    ("arm's length", "Beijing has kept Moscow at arm's length.", {"CN-RU": "friction"}),
    ("curbs", "Chinese state banks have cut lending to Russian companies.", {"CN-RU": "friction"}),
    ("different priorities", "Russia and China have sharply different priorities in Central Asia.", {"CN-RU": "friction"}),
    ("second predicate", "Iran has signed a treaty with Russia and North Korea and has reaffirmed its strategic partnership "
     "with China.", {"CN-IR": "cooperation", "IR-RU": "cooperation", "IR-KP": "cooperation", "CN-KP": "neutral",
                     "CN-RU": "neutral", "KP-RU": "neutral"}),
    ("sharing a sea", "Iran shares the Caspian with Russia.", {"IR-RU": "neutral"}),
    ("sharing intelligence", "Russia shares satellite intelligence with Iran.", {"IR-RU": "cooperation"}),
    ("hyphenated no", "Russia reaffirmed its no-strings partnership with China.", {"CN-RU": "cooperation"}),
    ("between its own list", "Seoul favours cooperation between South Korea, the United States and Japan to deter "
     "North Korea, a burden on China.", {"CN-KP": "neutral"}),
    ("third party after a preposition", "Moscow's war in Ukraine has made it increasingly reliant on Beijing.",
     {"CN-RU": "cooperation"}),
    ("its", "Talks ease the pressure on China to reduce its support for Moscow.", {"CN-RU": "cooperation"}),
    ("possessive list", "Iran's drones and North Korea's shells have sustained Russia's war effort.",
     {"IR-KP": "neutral", "IR-RU": "cooperation", "KP-RU": "cooperation"}),
    ("object of the verb before", "The United States arms Ukraine against Russia and warns China not to help.",
     {"CN-RU": "neutral"}),
    ("avoiding", "China has avoided providing lethal aid to Russia.", {"CN-RU": "neutral"}),
    ("negator inside a framing", 'Xi Jinping and Vladimir Putin declared a "no limits" partnership in 2022.',
     {"CN-RU": "cooperation"}),
    ("pivot", "Russia's pivot to China has deepened since 2014.", {"CN-RU": "cooperation"}),
    ("limited cooperation", "There are clear limits to the China-Russia partnership.", {"CN-RU": "cooperation"}),
    ("negated verb and its object", "China has refrained from providing lethal aid to Russia.", {"CN-RU": "neutral"}),
    ("bare relationship", "What does the Kim-Putin relationship mean for Seoul?", {"KP-RU": "neutral"}),
    ("sanctions-proof", "The Sino-Russian relationship gives China sanctions-proof access to oil.", {"CN-RU": "neutral"}),
    ("friction with a third party", "Tensions with the West have pushed Russia toward China.", {"CN-RU": "neutral"}),
    ("turning to", "Amid rivalry with the West, Moscow has turned to Beijing for support.", {"CN-RU": "cooperation"}),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in STRUCTURE], ids=[c[0] for c in STRUCTURE])
def test_relations_follow_the_argument_structure(lexicon, text, expected):
    got = _relations(text, lexicon)
    assert {pair: got.get(pair) for pair in expected} == expected


def test_a_run_on_sentence_gets_unsure_neutral_pairs(lexicon):
    text = "China supports its Russian partners and its allies, " * 60  # one 3,000-character "sentence"
    result = tag_text(text, "en", lexicon)
    assert [(d.a, d.b, d.relation, d.confidence) for d in result.dyads] == [("CN", "RU", "neutral", 0.5)]


def test_diplomatic_cover_is_cooperation(lexicon):
    text = "Beijing condemned the strike as a violation of Iranian sovereignty."
    assert _relations(text, lexicon) == {"CN-IR": "cooperation"}


@pytest.mark.parametrize("lang,text", [
    ("en", "A leaked Russian memo labels China an enemy."),
    ("en", "Russia refuses to be China's junior partner."),
    ("en", "Chinese hackers spied on Russian defence firms."),
    ("ru", "Россия не хочет быть младшим партнёром Китая."),
    ("zh", "中国和俄罗斯在中亚的利益分歧日益明显。"),
    ("ko", "중국과 러시아 사이의 불신은 깊다."),
    ("fr", "La Chine et la Russie restent rivales en Asie centrale."),
    ("de", "Zwischen Russland und China herrscht tiefes Misstrauen."),
    ("es", "China y Rusia mantienen una desconfianza mutua."),
    ("fa", "بی‌اعتمادی میان ایران و روسیه عمیق است."),
    ("pl", "Między Rosją a Chinami narasta nieufność."),
])
def test_friction_vocabulary_in_eight_languages(lexicon, lang, text):
    assert set(_relations(text, lexicon, lang).values()) == {"friction"}, text


def test_each_dyad_has_a_confidence(lexicon):
    result = tag_text("Moscow and Beijing signed a deal. Washington sanctioned Iranian and Russian firms.",
                      "en", lexicon)
    conf = {(d.a, d.b): d.confidence for d in result.dyads}
    assert conf[("CN", "RU")] >= 0.7 and 0 <= conf[("IR", "RU")] <= 1


# --- mentions ------------------------------------------------------------------------------------

def test_case_and_typography_do_not_matter(lexicon):
    text = "CHINA and Kim Jong-Un met the People\u2019s Liberation Army in Pyongyang\u2019s\u00a0palace."
    assert [code for code, _ in _mentions(text, lexicon)] == ["CN", "KP", "CN", "KP"]
    assert _mentions("Sino\u2011Russian trade grew.", lexicon) == [("CN", "Sino\u2011"), ("RU", "Russian")]


def test_inflected_multiword_names(lexicon):
    assert [c for c, _ in _mentions("Xi Jinpings Besuch bei Kim Jong Uns Regierung.", lexicon, "de")] == ["CN", "KP"]
    assert [c for c, _ in _mentions("Встреча Путина и Си Цзиньпина в Кремле.", lexicon, "ru")] == ["RU", "CN", "RU"]


def test_organisations_and_venues_are_not_mentions(lexicon):
    assert _mentions("The China Times ran the story.", lexicon) == []
    assert _mentions("She directs the Brookings China Center.", lexicon) == []
    assert _mentions("The 2022 Games in Beijing drew few viewers.", lexicon) == []
    assert _mentions("Beijing says it will respond.", lexicon) == [("CN", "Beijing")]
    assert _mentions("Officials in Beijing were furious.", lexicon) == [("CN", "Beijing")]


@pytest.mark.parametrize("text, framing, relations", [
    ("Rosja, Chiny, Iran i Korea Północna tworzą tak zwaną „oś chaosu”.", ("axis_of_upheaval", "distanced"), None),
    ("Rosja i Chiny nie są naturalnymi sojusznikami.", ("natural_allies", "contested"), None),
    ("Rosja i Chiny zawetowały rezolucję.", None, {"CN-RU": "cooperation"}),
    ("Iran i Rosja handlują z Indiami.", None, {"IR-RU": "neutral"}),
])
def test_polish_framings_stance_and_relations(lexicon, text, framing, relations):
    result = tag_text(text, "pl", lexicon)
    if framing:
        assert [(f.label, f.stance) for f in result.framings] == [framing]
    if relations:
        assert {f"{d.a}-{d.b}": d.relation for d in result.dyads} == relations


def test_entente_and_quartet_are_bloc_framings_but_not_the_entente_cordiale(lexicon):
    assert _framings("Russia, China, Iran and North Korea now act as an entente.", lexicon) == \
        [("bloc", "asserted", ["CN", "IR", "KP", "RU"])]
    assert _framings("Russia watched as the Entente Cordiale between London and Paris endured.", lexicon) == []
