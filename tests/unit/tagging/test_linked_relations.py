"""Friction and cooperation count for a pair only when the sentence's syntax links the two members
to the cue; otherwise the pair is neutral ("when unsure, neutral"). Sentences are written for these
tests, not taken from real text."""

import pytest

from pipeline.tagging.tagger import tag_text


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
    ("a fronted like shares the predicate", "Like Tehran, Pyongyang sends Moscow shells.",
     {"KP-RU": "cooperation", "IR-RU": "cooperation", "IR-KP": "neutral"}),
    ("a fronted like shares friction", "Like Iran, China distrusts Russia.",
     {"CN-RU": "friction", "IR-RU": "friction", "CN-IR": "neutral"}),
    ("one pressing the other", "Moscow pressured Beijing to pay more for the gas.", {"CN-RU": "friction"}),
    ("a joint act by a list ending in an untracked name", "Tehran, Moscow and Minsk have condemned the new tariffs.",
     {"IR-RU": "cooperation"}),
    ("a joint act in the progressive", "Beijing, Moscow and Havana have been pressuring Washington to lift the embargo.",
     {"CN-RU": "cooperation"}),
    ("a list ending in an untracked name signs a deal", "Moscow, Tehran and Baku signed a transit deal.",
     {"IR-RU": "cooperation"}),
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
    ("unlike says the opposite", "Unlike Tehran, Pyongyang sends Moscow shells.",
     {"KP-RU": "cooperation", "IR-RU": "neutral", "IR-KP": "neutral"}),
    ("options of a choice", "Pyongyang keeps switching its trade between Russia and China.",
     {"CN-RU": "neutral", "CN-KP": "neutral", "KP-RU": "neutral"}),
    ("options of a choice before another cue", "Pyongyang has long switched sides between Moscow and Beijing, depending on need.",
     {"CN-RU": "neutral"}),
    ("acted on together is no joint act", "Beijing, Moscow and Minsk have all been sanctioned.", {"CN-RU": "neutral"}),
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


# Friction words said of one member, of a third party, of a place or in a comparison leave the pair
# neutral; friction one member directs at the other is friction, in the eight languages.
FRICTION_OR_NOT = [
    ('en', "Moscow resents Beijing's growing influence in Central Asia.", 'CN-RU', 'friction'),
    ('en', "China has grown wary of North Korea's nuclear tests.", 'CN-KP', 'friction'),
    ('en', 'Russian officials distrust their Chinese counterparts.', 'CN-RU', 'friction'),
    ('en', 'Iran complained that Russia had delayed the delivery of Su-35 jets.', 'IR-RU', 'friction'),
    ('en', 'Beijing refused to sell Moscow advanced chips.', 'CN-RU', 'friction'),
    ('en', 'Chinese banks have cut lending to Russian firms.', 'CN-RU', 'friction'),
    ('en', 'Tehran accused Moscow of betraying it in the nuclear talks.', 'IR-RU', 'friction'),
    ('en', 'China and Russia are rivals for influence in Central Asia.', 'CN-RU', 'friction'),
    ('en', "Russia is reluctant to become China's junior partner.", 'CN-RU', 'friction'),
    ('en', 'Pyongyang has long been suspicious of Beijing.', 'CN-KP', 'friction'),
    ('en', 'Russian counterintelligence arrested scientists accused of spying for China.', 'CN-RU', 'friction'),
    ('en', 'Iran and Russia compete for the same oil customers in Asia.', 'IR-RU', 'friction'),
    ('en', "China is uneasy about Russia's military cooperation with North Korea.", 'CN-RU', 'friction'),
    ('en', "Beijing criticised Pyongyang's latest missile launch.", 'CN-KP', 'friction'),
    ('en', 'The two capitals disagree over gas prices, officials say, while China and Russia keep talking.', 'CN-RU', 'friction'),
    ('en', 'China faces tensions with India, and Russia faces a war in Ukraine.', 'CN-RU', 'neutral'),
    ('en', "Russia's war has strained Europe, and China's slowdown worries investors.", 'CN-RU', 'neutral'),
    ('en', 'Tensions with the West have pushed Russia and China closer.', 'CN-RU', 'cooperation'),
    ('en', 'North Korea and Iran are hostile to the United States.', 'IR-KP', 'neutral'),
    ('en', 'The rivalry between the US and China shapes how Russia acts.', 'CN-RU', 'neutral'),
    ('en', "Iran's economy suffers from sanctions, as does Russia's.", 'IR-RU', 'neutral'),
    ('en', 'China fears instability on its border with North Korea.', 'CN-KP', 'neutral'),
    ('en', 'Russia and China both distrust the International Criminal Court.', 'CN-RU', 'neutral'),
    ('en', 'Washington views China as its main rival and Russia as an acute threat.', 'CN-RU', 'neutral'),
    ('en', "Chinese firms competed for contracts in Iran's oil sector.", 'CN-IR', 'neutral'),
    ('en', 'Russian and Iranian hackers targeted American hospitals.', 'IR-RU', 'neutral'),
    ('en', "The conflict in Ukraine has delayed China's plans and Russia's gas projects.", 'CN-RU', 'neutral'),
    ('en', 'North Korea threatened South Korea, while China urged calm and Russia stayed silent.', 'CN-KP', 'neutral'),
    ('de', 'Russland misstraut China.', 'CN-RU', 'friction'),
    ('de', 'China und Russland konkurrieren in Zentralasien.', 'CN-RU', 'friction'),
    ('fr', 'La Russie se méfie de la Chine.', 'CN-RU', 'friction'),
    ('es', 'Rusia desconfía de China.', 'CN-RU', 'friction'),
    ('ru', 'Россия не доверяет Китаю.', 'CN-RU', 'friction'),
    ('pl', 'Rosja nie ufa Chinom.', 'CN-RU', 'friction'),
    ('zh', '俄罗斯对中国存在戒心。', 'CN-RU', 'friction'),
    ('ko', '러시아는 중국을 경계한다.', 'CN-RU', 'friction'),
    ('fa', 'روسیه به چین بی\u200cاعتماد است.', 'CN-RU', 'friction'),
]


# The friction kinds the labelling policy names (distrust, rivalry, diverging interests, refusing to be
# the junior partner, accusations, an unreliable partner), said by one member of the other, in the
# eight languages; diplomatic cover stays cooperation and a third party's view stays neutral.
POLICY_KINDS = [
    ('en', 'Between Beijing and Moscow, mistrust and rivalry run deep.', 'CN-RU', 'friction'),
    ('en', 'Russia and China have diverging interests in Central Asia.', 'CN-RU', 'friction'),
    ('en', "Moscow refuses to become Beijing's junior partner.", 'CN-RU', 'friction'),
    ('en', 'Beijing condemned the strike as a violation of Iranian sovereignty.', 'CN-IR', 'cooperation'),
    ('en', "China's interests in the Middle East diverge from Iran's.", 'CN-IR', 'friction'),
    ('en', 'Russian elites remain deeply suspicious of Chinese intentions in the Far East.', 'CN-RU', 'friction'),
    ('en', 'Chinese state banks have curbed transactions with Russian clients.', 'CN-RU', 'friction'),
    ('en', 'Iran has accused Russia of siding with the UAE on the islands dispute.', 'IR-RU', 'friction'),
    ('en', "North Korea's leaders have long resented Chinese meddling.", 'CN-KP', 'friction'),
    ('en', 'Beijing voted for UN sanctions on North Korea in 2017.', 'CN-KP', 'friction'),
    ('en', "Tehran was angered by Moscow's support for the Zangezur corridor.", 'IR-RU', 'friction'),
    ('en', 'Relations between Pyongyang and Beijing cooled after 2013.', 'CN-KP', 'friction'),
    ('en', 'China and Russia quarrel over gas prices.', 'CN-RU', 'friction'),
    ('en', 'Russia worries that China will dominate Central Asia.', 'CN-RU', 'friction'),
    ('en', "Russia worries about China's growing clout in Central Asia.", 'CN-RU', 'friction'),
    ('en', 'Iranian officials complain about Chinese investment promises that never materialise.', 'CN-IR', 'friction'),
    ('en', 'China has been cautious about arming Russia.', 'CN-RU', 'friction'),
    ('en', 'Iran sees Russia as an unreliable partner.', 'IR-RU', 'friction'),
    ('en', 'Russia and Iran are competitors in the European gas market.', 'IR-RU', 'friction'),
    ('en', 'Washington hopes to drive a wedge between Moscow and Beijing.', 'CN-RU', 'neutral'),
    ('en', 'The US sees China as a rival and Russia as a threat.', 'CN-RU', 'neutral'),
    ('en', 'China criticized the US for its sanctions on Russia.', 'CN-RU', 'cooperation'),
    ('en', 'Russia warned Iran against further escalation.', 'IR-RU', 'friction'),
    ('de', 'Peking misstraut Moskau zunehmend.', 'CN-RU', 'friction'),
    ('de', 'Zwischen Russland und China wächst die Rivalität.', 'CN-RU', 'friction'),
    ('fr', "La rivalité entre la Chine et la Russie en Asie centrale s'accentue.", 'CN-RU', 'friction'),
    ('fr', 'Téhéran reproche à Moscou son soutien aux Émirats.', 'IR-RU', 'friction'),
    ('es', 'Crece la desconfianza entre Moscú y Pekín.', 'CN-RU', 'friction'),
    ('ru', 'Между Москвой и Пекином растёт недоверие.', 'CN-RU', 'friction'),
    ('ru', 'Иран обвинил Россию в предательстве.', 'IR-RU', 'friction'),
    ('zh', '中俄之间存在竞争。', 'CN-RU', 'friction'),
    ('ko', '중국과 러시아 사이에 불신이 커지고 있다.', 'CN-RU', 'friction'),
    ('fa', 'میان ایران و روسیه بی\u200cاعتمادی وجود دارد.', 'IR-RU', 'friction'),
    ('pl', 'Iran oskarżył Rosję o zdradę.', 'IR-RU', 'friction'),
]


# The same distinctions in the other languages: rivalry of the two, a third party's sanctions on
# both, a comparison, support of one for the other.
OTHER_LANGUAGES = [
    ('de', 'Russland kritisiert China scharf.', 'CN-RU', 'friction'),
    ('de', 'China und Russland konkurrieren um Einfluss in Zentralasien.', 'CN-RU', 'friction'),
    ('de', 'Die USA sanktionieren chinesische und russische Banken.', 'CN-RU', 'neutral'),
    ('de', 'Wie Russland steht auch der Iran unter Sanktionen.', 'IR-RU', 'neutral'),
    ('fr', 'La Russie et la Chine rivalisent en Asie centrale.', 'CN-RU', 'friction'),
    ('fr', 'Washington sanctionne des banques chinoises et russes.', 'CN-RU', 'neutral'),
    ('fr', "Pékin soutient Moscou à l'ONU.", 'CN-RU', 'cooperation'),
    ('es', 'Rusia y China compiten por influencia en Asia central.', 'CN-RU', 'friction'),
    ('es', 'Washington sancionó a bancos chinos y rusos.', 'CN-RU', 'neutral'),
    ('es', 'Pekín respalda a Moscú en la ONU.', 'CN-RU', 'cooperation'),
    ('ru', 'Китай и Россия конкурируют в Центральной Азии.', 'CN-RU', 'friction'),
    ('ru', 'США ввели санкции против китайских и российских банков.', 'CN-RU', 'neutral'),
    ('ru', 'Пекин поддерживает Москву в ООН.', 'CN-RU', 'cooperation'),
    ('pl', 'Chiny i Rosja rywalizują w Azji Środkowej.', 'CN-RU', 'friction'),
    ('pl', 'USA nałożyły sankcje na chińskie i rosyjskie banki.', 'CN-RU', 'neutral'),
    ('pl', 'Pekin wspiera Moskwę w ONZ.', 'CN-RU', 'cooperation'),
    ('zh', '美国制裁了中国和俄罗斯的银行。', 'CN-RU', 'neutral'),
    ('zh', '中国和俄罗斯在中亚存在竞争。', 'CN-RU', 'friction'),
    ('zh', '北京在联合国支持莫斯科。', 'CN-RU', 'cooperation'),
    ('ko', '미국은 중국과 러시아 은행을 제재했다.', 'CN-RU', 'neutral'),
    ('ko', '중국과 러시아는 중앙아시아에서 경쟁한다.', 'CN-RU', 'friction'),
    ('fa', 'آمریکا بانک\u200cهای چینی و روسی را تحریم کرد.', 'CN-RU', 'neutral'),
    ('fa', 'چین و روسیه در آسیای مرکزی رقابت دارند.', 'CN-RU', 'friction'),
]


# One member's friction with a third party says nothing of the pair, and may push it closer; a strain
# one member puts on others' ties is theirs; "partners in Moscow" are the government, not a venue.
THIRD_PARTY_FRICTION = [
    ('en', "China's rivalry with the US has pushed it closer to Russia.", 'CN-RU', 'cooperation'),
    ('en', "Russia's war in Ukraine has strained ties between Europe and China.", 'CN-RU', 'neutral'),
    ('en', "Iran's hostility to Israel is shared by its partners in Moscow.", 'IR-RU', 'cooperation'),
    ('en', "North Korea's feud with South Korea has deepened its dependence on Russia.", 'KP-RU', 'cooperation'),
    ('en', "China's dispute with Japan over the Senkaku islands worries Russia.", 'CN-RU', 'neutral'),
    ('en', "Moscow's confrontation with the West has made it more reliant on Beijing.", 'CN-RU', 'cooperation'),
    ('en', "Pyongyang's threats against Seoul were echoed by Moscow.", 'KP-RU', 'cooperation'),
    ('en', 'Both Beijing and Moscow resent American dominance.', 'CN-RU', 'neutral'),
    ('en', 'Iran distrusts the West more than it distrusts Russia.', 'IR-RU', 'friction'),
    ('en', "The rivalry between China and India complicates Russia's position.", 'CN-RU', 'neutral'),
    ('en', 'Tensions between Iran and Saudi Arabia put China in a difficult spot.', 'CN-IR', 'neutral'),
    ('en', "China was embarrassed by North Korea's missile test during the Olympics.", 'CN-KP', 'friction'),
    ('en', 'Russia is stuck in a costly war, and China benefits from its weakness.', 'CN-RU', 'neutral'),
]


TABLES = {"friction-or-not": FRICTION_OR_NOT, "policy": POLICY_KINDS, "languages": OTHER_LANGUAGES,
          "third-party": THIRD_PARTY_FRICTION}


@pytest.mark.parametrize("lang,text,pair,relation", [c for t in TABLES.values() for c in t],
                         ids=[f"{name}-{c[0]}-{i}" for name, t in TABLES.items() for i, c in enumerate(t)])
def test_the_relation_of_a_pair(lexicon, lang, text, pair, relation):
    assert _relations(text, lexicon, lang)[pair] == relation
