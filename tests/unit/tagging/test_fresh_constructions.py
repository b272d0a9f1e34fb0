"""Constructions of friction and cooperation that fresh real text showed (round 8): the subject
that opens a clause and a relation noun that takes its partner with "with", words that only look
like cues. Sentences are written for these tests, not taken from real text."""

import pytest

from .test_outside_constructions import _relations


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
    # asymmetry, disagreement and discomfort one member causes the other
    ("the weaker partner", "en", "Moscow is now plainly the weaker partner in its dealings with Beijing.",
     {"CN-RU": "friction"}),
    ("agree to disagree", "en", "On Arctic shipping, Tehran and Moscow have learned to agree to disagree.",
     {"IR-RU": "friction"}),
    ("put in an awkward position", "en", "Pyongyang's missile tests have put Beijing in a deeply awkward position.",
     {"CN-KP": "friction"}),
    # pressure and sanctions one member applies to the other
    ("cutting off", "en", "Beijing has been slowly cutting Pyongyang off from its banks.", {"CN-KP": "friction"}),
    ("pressure on", "en", "Moscow quietly applied more pressure on Tehran over the deal.", {"IR-RU": "friction"}),
    ("implementing sanctions", "en", "Beijing says it strictly implements the U.N. sanctions on Pyongyang.",
     {"CN-KP": "friction"}),
    # an abbreviation's full stop ends no clause; a reported clause's subject is the elided one
    ("U.N. is no clause break", "en",
     "China enforces U.N. resolutions against North Korea.", {"CN-KP": "friction"}),
    ("reported subject", "en",
     "U.S. diplomats say Beijing values Pyongyang as a buffer and is unwilling to cut off oil to Pyongyang.",
     {"CN-KP": "cooperation"}),
    # a fronted topic ("On X,") is no item of the subject list after it
    ("fronted topic", "en", "On Iran, U.S. and Russian views remain closely aligned.", {"IR-RU": "neutral"}),
    # a mutual cue relates the members of the subject that opens its clause, or the only two named
    ("mutual mistrust of a long subject list", "en",
     "Moscow, Tehran and Pyongyang have for many years now been kept apart above all by a deep mutual suspicion.",
     {"IR-RU": "friction", "KP-RU": "friction", "IR-KP": "friction"}),
    ("each other after 'they'", "en",
     "As Beijing and Moscow feel pressure from Washington, they rely heavily on each other.",
     {"CN-RU": "cooperation"}),
    ("mutual cue of a third party", "en",
     "Beijing and Moscow watched as Washington and Tokyo pledged mutual support.",
     {"CN-RU": "neutral"}),
    # a short aside in brackets is no clause of its own
    ("acronym in brackets", "en",
     "China, Russia and Iran (all three) are strengthening their bilateral ties.",
     {"CN-IR": "cooperation", "CN-RU": "cooperation", "IR-RU": "cooperation"}),
    # obstacles to cooperation
    ("obstacles", "en", "Beijing and Moscow face stubborn obstacles to deeper energy cooperation.", {"CN-RU": "friction"}),
    # leaders and state organs of the past and present are mentions
    ("past leaders", "en", "Mao Zedong criticized Kim Il-sung for starting the war.", {"CN-KP": "friction"}),
    ("state organs", "en", "The FSB arrested a scientist for sharing secrets, and the PVA had fought in Korea.",
     {"CN-RU": "neutral"}),
    # friction words for strained relations and tests of them
    ("tense relations", "en", "Russian-Iranian relations remain tense.", {"IR-RU": "friction"}),
    ("put to the test", "en", "The war has put Moscow's relations with Tehran to the test.", {"IR-RU": "friction"}),
    ("froze a deal", "en", "Moscow froze the long-awaited missile deal with Tehran.", {"IR-RU": "friction"}),
    ("suspended imports with the member inside", "en", "Beijing suspended all North Korean coal imports.",
     {"CN-KP": "friction"}),
    # backing sanctions on a member is friction with it; two who back them together act jointly
    ("voted for sanctions", "en", "Beijing voted for tougher sanctions against Pyongyang.", {"CN-KP": "friction"}),
    ("backed sanctions together", "en", "Moscow and Beijing have both backed sanctions against Pyongyang.",
     {"CN-RU": "cooperation", "CN-KP": "friction", "KP-RU": "friction"}),
    ("tough on", "en", "Beijing has acted tough on Tehran over the enrichment.", {"CN-IR": "friction"}),
    # help a member says it cannot give is withheld
    ("unable to assist", "en", "Beijing said it would be unable to assist Pyongyang this year.", {"CN-KP": "friction"}),
    # relations named as good, improved or formed
    ("friendly relations", "en", "Friendly relations with Moscow remain a great asset for Beijing.", {"CN-RU": "cooperation"}),
    ("improving relations", "en", "Tehran has focused on improving its relations with Moscow.", {"IR-RU": "cooperation"}),
    ("formed a coalition", "en", "In 2015 Moscow and Tehran formed a military coalition in Syria.", {"IR-RU": "cooperation"}),
    # a subject before an aside between commas; an elided subject after ", and have"
    ("subject before an aside", "en",
     "Putin and Xi, in large part to balance the weight of the United States, signed a new treaty.",
     {"CN-RU": "cooperation"}),
    ("elided subject after and have", "en",
     "Beijing and Moscow could have blocked the measure, and have at times shielded Pyongyang.",
     {"CN-KP": "cooperation", "KP-RU": "cooperation"}),
    ("important is no import", "en", "Beijing has long been Pyongyang's most important neighbour.", {"CN-KP": "neutral"}),
    # summoning an envoy, dissatisfaction, problems between two
    ("summoned the envoy", "en", "Tehran summoned the Chinese ambassador over the statement.", {"CN-IR": "friction"}),
    ("dissatisfaction", "en", "Beijing voiced dissatisfaction with Moscow over the pricing.", {"CN-RU": "friction"}),
    ("ru problems between", "ru", "Проблемы между Москвой и Тегераном растут.", {"IR-RU": "friction"}),
    ("de struggle for influence", "de", "China und Russland ringen um Einfluss in Zentralasien.", {"CN-RU": "friction"}),
    # Chinese: lost patience, cut aid, backing sanctions; an idiom holding 无 is no negation
    ("zh lost patience", "zh", "北京对平壤已经失去了耐心。", {"CN-KP": "friction"}),
    ("zh cut aid", "zh", "北京大幅削减对平壤的援助。", {"CN-KP": "friction"}),
    ("zh backs sanctions", "zh", "中国同意加强对朝鲜的制裁。", {"CN-KP": "friction"}),
    ("zh unprecedented opposition", "zh", "北京史无前例地公开反对平壤的核试验。", {"CN-KP": "friction"}),
    ("zh opposition party", "zh", "俄罗斯反对派媒体说中国没有坐视不管。", {"CN-RU": "neutral"}),
    # a partner noun after its subject, an aside and a copula
    ("lifeline after an aside", "en", "Beijing, for its part, has become Moscow's main lifeline.", {"CN-RU": "cooperation"}),
    # cover with the verb quoted
    ("quoted condemnation", "en", "Beijing 'firmly condemns' the strikes on Iran.", {"CN-IR": "cooperation"}),
    # relations that grow, calls, troops or staff stationed with the other
    ("blossoming relationships", "en", "Experts track the blossoming relationships among Beijing, Moscow and Tehran.",
     {"CN-RU": "cooperation", "CN-IR": "cooperation", "IR-RU": "cooperation"}),
    ("phone call", "en", "Xi discussed the ceasefire in a phone call with Putin.", {"CN-RU": "cooperation"}),
    ("stationed staff", "en", "Tehran has stationed engineers in North Korea since October.", {"IR-KP": "cooperation"}),
    ("de moved closer", "de", "Seit dem Krieg sind Russland und Nordkorea eng zusammengerückt.", {"KP-RU": "cooperation"}),
    ("fr links between", "fr", "Les liens entre la Russie et l'Iran sont nombreux.", {"IR-RU": "cooperation"}),
    # "together" marks the relation as the two's; lumping together is someone else's act
    ("work together after a long subject", "en",
     "Xi hosted Putin on Friday as the leaders said their ties had deepened and that they would work together on space.",
     {"CN-RU": "cooperation"}),
    ("lumps together", "en", "The strategy lumps together Beijing and Moscow as competitors.", {"CN-RU": "neutral"}),
    # a participle after a comma takes the clause's subject
    ("participle after a comma", "en",
     "Beijing came out for the very first time against the alliance's expansion, backing Moscow's objection.",
     {"CN-RU": "cooperation"}),
    # goods one member makes that another uses
    ("deployed another's drones", "en", "Moscow has deployed more than 3,000 Iranian-designed drones.",
     {"IR-RU": "cooperation"}),
    ("drones deployed against", "en", "Kyiv has deployed drones against Iranian-made drones over Moscow.",
     {"IR-RU": "neutral"}),
    # Chinese "不得不" (must) and "不断" (steadily) are no negation
    ("zh must cool", "zh", "中朝关系将不得不冷却一段时间。", {"CN-KP": "friction"}),
    ("zh steadily growing alliance", "zh", "俄罗斯和伊朗不断发展的联盟引人注目。", {"IR-RU": "cooperation"}),
    # Korean: cold relations; a cue before a pair compound belongs to another pair (the verb comes last)
    ("ko cold relations", "ko", "북중 관계는 여전히 냉랭하다.", {"CN-KP": "friction"}),
    ("ko cue before a compound", "ko", "북한과 러시아 간 관계 밀착이 가시화하면서 북중 관계에 변화가 있다.",
     {"KP-RU": "cooperation", "CN-KP": "neutral"}),
    # a subject that is one member's ties with the other, then its predicate
    ("ties subject cooled", "en", "Moscow's relationship with Tehran appears to have cooled.", {"IR-RU": "friction"}),
    ("decline in meetings", "en", "Analysts noted a steady decline in meetings between Moscow and Tehran.",
     {"IR-RU": "friction"}),
    ("unwillingness to veto", "en", "Beijing's unwillingness to veto resolutions against Tehran shows the limits.",
     {"CN-IR": "friction"}),
    ("fissure", "en", "The dispute created a fissure in the Beijing-Moscow partnership.", {"CN-RU": "friction"}),
    ("es problems of the alliance", "es", "Los problemas de la alianza sino-rusa son graves.", {"CN-RU": "friction"}),
    # a partner list that closes on "and other countries" is still a list
    ("exercises with a list and others", "en",
     "Moscow has organized naval exercises with Tehran, Beijing, and other countries off Venezuela.",
     {"IR-RU": "cooperation", "CN-RU": "cooperation"}),
    ("subjects and other powers", "en", "Russia, China, and other powers expanded into the region.", {"CN-RU": "neutral"}),
    # "about" before a number is no topic; a product name is no third party
    ("about a share", "en", "Moscow provided about 78 percent of Beijing's arms imports.", {"CN-RU": "cooperation"}),
    ("product name", "en", "Reports claim Beijing was providing SAM systems to Tehran.", {"CN-IR": "cooperation"}),
    # an infinitive's subject opens the clause
    ("infinitive with its object", "en",
     "Beijing has harnessed its enormous economic and industrial might to backfill Moscow's wartime economy.",
     {"CN-RU": "cooperation"}),
    # treaties concluded, relations described as good; unequal treaties are friction
    ("concluded treaties", "en", "In 1961 Pyongyang concluded formal security treaties with Beijing.", {"CN-KP": "cooperation"}),
    ("relations are positive", "en", "Iran-DPRK relations are described as positive.", {"IR-KP": "cooperation"}),
    ("unequal treaties", "en", "Beijing still recalls the \"unequal\" treaties Moscow imposed on it.", {"CN-RU": "friction"}),
    # a relation only supposed or foreseen is not stated
    ("potential alliance", "en", "The main question for a potential alliance between Moscow and Tehran is India.",
     {"IR-RU": "neutral"}),
    ("de alleged alliance", "de", "Der Begriff beschreibt ein angebliches Bündnis zwischen China und Russland.",
     {"CN-RU": "neutral"}),
    ("stated alliance stays", "en", "The alliance between Moscow and Tehran has deepened.", {"IR-RU": "cooperation"}),
    # German: denying the support states none
    ("de denies support", "de", "China bestreitet jede Unterstützung Russlands im Krieg.", {"CN-RU": "neutral"}),
    # viewing the other's acts as reckless; reducing dependence in Chinese
    ("views as reckless", "en", "Beijing privately views Moscow as reckless.", {"CN-RU": "friction"}),
    ("zh reduce dependence", "zh", "俄罗斯试图减少对中国的依赖。", {"CN-RU": "friction"}),
    # breaking with the other; an infinitive of purpose takes the clause's subject
    ("broke with", "en", "When Beijing broke with Moscow around 1960, the cause was doctrine.", {"CN-RU": "friction"}),
    ("infinitive of purpose", "en",
     "Beijing will project its soft power into Central Asia in the coming years to counter Russian dominance.",
     {"CN-RU": "friction"}),
    # a verb that joins one member's thing with the other's; mutual with a word between
    ("connect with", "en", "The new bridge will connect China with Russia near Harbin.", {"CN-RU": "cooperation"}),
    ("linked to both is no link between", "en", "Other states are already linked to China and Russia through BRICS.",
     {"CN-RU": "neutral"}),
    ("mutual economic investments", "en", "Moscow and Beijing have bypassed the dollar in their mutual economic investments.",
     {"CN-RU": "cooperation"}),
    ("cooperation of one with the other", "en", "The region changes through the cooperation of Russia with China.",
     {"CN-RU": "cooperation"}),
    # a bloc of three or more acts as one on others: its friction is not among its members
    ("bloc disputes others", "es", "El bloque Rusia-China-Irán disputa una guerra fría con Occidente.",
     {"CN-RU": "neutral", "IR-RU": "neutral", "CN-IR": "neutral"}),
    ("pair compound keeps its friction", "en", "Sino-Russian rivalry in Central Asia persists.", {"CN-RU": "friction"}),
    # one member's relations with the other, inside the cue's words
    ("improvement of relations", "en", "The improvement of Pyongyang's relations with Beijing came quickly.",
     {"CN-KP": "cooperation"}),
    # "also" right after the two adds to what was said before
    ("also after the two", "en", "Beijing and Tehran also plan to boost trade fivefold.", {"CN-IR": "cooperation"}),
    # words that start like a cooperation cue but are not one
    ("fundamental is no funding", "en",
     "Russian and Chinese diplomats admit to fundamental differences in their positions.",
     {"CN-RU": "friction"}),
]


@pytest.mark.parametrize("name, lang, text, expected", CASES, ids=[c[0] for c in CASES])
def test_fresh_constructions(name, lang, text, expected, lexicon):
    got = _relations(text, lexicon, lang)
    assert {p: got.get(p) for p in expected} == expected
