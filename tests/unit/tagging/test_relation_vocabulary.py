"""Relation cues and structures that hold beyond the sentences the rules were tuned on: goods of
one member owned or used by another, dependence, giving and lending, limits one member puts on its
support for another, and the same kinds of cue in the other languages. Sentences are written for
these tests, not taken from real text."""

import pytest

from pipeline.tagging.tagger import tag_text


def _relations(text, lexicon, lang="en"):
    return {f"{d.a}-{d.b}": d.relation for d in tag_text(text, lang, lexicon).dyads}


GOODS = [
    ("possessive maker", "Russia's Iranian-made drones have struck Ukrainian cities for months.", {"IR-RU": "cooperation"}),
    ("goods for a member", "Pyongyang's shells for Moscow have kept the front supplied.", {"KP-RU": "cooperation"}),
    ("goods used by a member", "Iranian drones used by Russia have hit Kyiv.", {"IR-RU": "cooperation"}),
    ("parts inside another's goods", "Chinese chips were found in Russian missiles.", {"CN-RU": "cooperation"}),
    ("two makers' goods are a list", "Russia fires Iranian drones and North Korean shells at Ukraine.",
     {"IR-KP": "neutral", "IR-RU": "neutral", "KP-RU": "neutral"}),
    ("a bare name makes nothing", "The Iran deal drew criticism in Moscow and in Russia.", {}),
]

COOPERATION = [
    ("adverb before on", "Russia depends heavily on China for microelectronics.", {"CN-RU": "cooperation"}),
    ("leaning on", "Russia has increasingly leaned on Iran for military hardware.", {"IR-RU": "cooperation"}),
    ("gave", "Tehran has given Moscow hundreds of drones.", {"IR-RU": "cooperation"}),
    ("offered", "Beijing offered Moscow diplomatic support at the Security Council.", {"CN-RU": "cooperation"}),
    ("flows", "Russian oil flows to China have risen.", {"CN-RU": "cooperation"}),
    ("echoing", "Beijing has echoed Moscow's narrative about NATO expansion.", {"CN-RU": "cooperation"}),
    ("emerged as a partner", "China has emerged as Russia's most important economic partner.", {"CN-RU": "cooperation"}),
    ("one of its suppliers", "Pyongyang has emerged as one of Moscow's most important arms suppliers.", {"KP-RU": "cooperation"}),
    ("benefiting from", "Moscow has benefited from Beijing's economic support.", {"CN-RU": "cooperation"}),
    ("rewarding", "Moscow rewarded Pyongyang with food, oil and military technology.", {"KP-RU": "cooperation"}),
    ("cover names the one shielded", "China and Russia have blocked new Security Council sanctions on North Korea.",
     {"CN-KP": "cooperation", "KP-RU": "cooperation", "CN-RU": "cooperation"}),
    ("alignment of a list", "The growing alignment of China, Russia, and Iran poses a challenge to the West.",
     {"CN-RU": "cooperation", "IR-RU": "cooperation", "CN-IR": "cooperation"}),
    ("their coordination frustrates others", "Closer coordination by China and Russia at the UN has frustrated Western diplomats.",
     {"CN-RU": "cooperation"}),
    ("the sale of two members' goods is no alignment", "The sale of Chinese and Russian weapons to Africa has grown.",
     {"CN-RU": "neutral"}),
    ("it after but", "China says it respects sanctions, but it is supplying Russia with drone engines.", {"CN-RU": "cooperation"}),
    ("it is unclear has no subject",
     "China has deepened its economic ties with Europe, but it is unclear whether Russia will benefit.", {"CN-RU": "neutral"}),
    ("with another's help", "Russia has rebuilt its arsenal with Chinese help.", {"CN-RU": "cooperation"}),
    ("with the help of", "Russia has rebuilt its arsenal with the help of China.", {"CN-RU": "cooperation"}),
    ("an opening means phrase", "With North Korean shells, Russia has sustained its artillery barrages.", {"KP-RU": "cooperation"}),
    ("thanks to demand", "Russia's economy has survived thanks to Chinese demand for its oil.", {"CN-RU": "cooperation"}),
    ("a name is no maker", "Russia competes with Iran for oil markets.", {"IR-RU": "friction"}),
    ("abstaining on censure", "Beijing abstained on resolutions condemning Moscow.", {"CN-RU": "cooperation"}),
    ("blaming a third party", "Beijing blamed NATO expansion for Russia's invasion.", {"CN-RU": "cooperation"}),
    ("a parenthetical after the subject",
     "Russia, facing a severe shortage of artillery ammunition after two years of war, has turned to North Korea.",
     {"KP-RU": "cooperation"}),
    ("a parenthetical and its",
     "Tehran, under pressure from Western sanctions and isolated diplomatically, has deepened its cooperation with Moscow.",
     {"IR-RU": "cooperation"}),
    ("titled leaders as one subject",
     "Chinese President Xi Jinping and Russian President Vladimir Putin signed more than a dozen agreements.",
     {"CN-RU": "cooperation"}),
    ("a demonym's ally", "North Korea is now a Russian ally in all but name.", {"KP-RU": "cooperation"}),
    ("an apposition with a demonym", "Iran, a close Russian ally, has supplied drones.", {"IR-RU": "cooperation"}),
    ("viewed as a partner", "Beijing views Moscow as a key strategic partner.", {"CN-RU": "cooperation"}),
    ("described as a friend", "Xi described Putin as his best friend.", {"CN-RU": "cooperation"}),
    ("another's view of a list", "Washington sees China and Russia as a threat.", {"CN-RU": "neutral"}),
    ("both, each on its own", "Both Iran and Russia rely on oil exports.", {"IR-RU": "neutral"}),
    ("both, with their partnership", "Both Beijing and Moscow are seeking to deepen their partnership.", {"CN-RU": "cooperation"}),
    ("a place is no subject", "Analysts in China and Russia offered different views.", {"CN-RU": "neutral"}),
    ("people of one member living in another", "North Korean workers in Russia face harsh conditions.", {"KP-RU": "neutral"}),
    ("lending to a third party", "China's lending to Africa dwarfs Russia's.", {"CN-RU": "neutral"}),
    ("a source of goods for another", "North Korea is a key source of ammunition for Russia.", {"KP-RU": "cooperation"}),
    ("someone's main source", "Russia has become China's main source of crude oil.", {"CN-RU": "cooperation"}),
    ("a source of tension is friction", "Central Asia is a source of tension between China and Russia.", {"CN-RU": "friction"}),
    ("eye to eye", "Beijing and Moscow see eye to eye on the need to reform global governance.", {"CN-RU": "cooperation"}),
    ("betting on", "Moscow is betting on Beijing to keep its economy afloat.", {"CN-RU": "cooperation"}),
    ("a veto of a long phrase", "Russia vetoed the renewal of the UN panel monitoring sanctions on North Korea.",
     {"KP-RU": "cooperation"}),
    ("what a relationship gives is no gift", "The Sino-Russian relationship gives China access to oil.", {"CN-RU": "neutral"}),
    ("topic phrase is no list", "On Russia, the White House has floated sanctions targeting Chinese purchases of Russian oil.",
     {"CN-RU": "cooperation"}),
]

FRICTION = [
    ("limits on support", "Beijing has limited its support for Moscow to avoid secondary sanctions.", {"CN-RU": "friction"}),
    ("capped aid", "China has capped its military aid to Russia.", {"CN-RU": "friction"}),
    ("stopped payments", "Chinese state banks have stopped processing payments from Russian clients.", {"CN-RU": "friction"}),
    ("pressure to limit is not a limit", "Washington pressed China to limit its support for Russia.", {"CN-RU": "cooperation"}),
    ("a negated limit is no friction", "China has not reduced its support for Russia.", {"CN-RU": "neutral"}),
    ("disapproval", "Beijing disapproves of Pyongyang's missile tests.", {"CN-KP": "friction"}),
    ("keeping distance", "Beijing has kept its distance from Moscow on the annexed territories.", {"CN-RU": "friction"}),
    ("worry about dependence", "Russian officials worry about becoming too dependent on China.", {"CN-RU": "friction"}),
    ("cooperation said to be limited is cooperation", "China's support for Russia has been more limited than many expected.",
     {"CN-RU": "cooperation"}),
    ("an unreliable partner", "Chinese officials privately call Russia an unreliable partner.", {"CN-RU": "friction"}),
    ("vying for influence", "Russia and China are vying for influence in Central Asia.", {"CN-RU": "friction"}),
    ("anxious about", "The Kremlin is anxious about China's growing economic footprint in the Far East.", {"CN-RU": "friction"}),
    ("limiting influence", "Russia has sought to limit Chinese influence in Central Asia.", {"CN-RU": "friction"}),
    ("disillusion", "Iran has grown disillusioned with Russia.", {"IR-RU": "friction"}),
    ("disappointment", "Iran has been disappointed by China's reluctance to invest.", {"CN-IR": "friction"}),
    ("plain dependence stays cooperation", "Russia has become dependent on China for machine tools.", {"CN-RU": "cooperation"}),
    ("uneasy about the two's ties", "Beijing is reportedly uneasy about the deepening military ties between Moscow and Pyongyang.",
     {"CN-KP": "friction", "CN-RU": "friction", "KP-RU": "cooperation"}),
    ("criticism naming the member", "North Korea has at times criticized China for supporting UN sanctions.", {"CN-KP": "friction"}),
    ("embarrassment", "Pyongyang's nuclear tests have embarrassed Beijing.", {"CN-KP": "friction"}),
    ("talks dragging on", "Negotiations between Moscow and Beijing over gas prices have dragged on for years.", {"CN-RU": "friction"}),
    ("pulling out", "Chinese firms have pulled out of Iranian projects for fear of U.S. sanctions.", {"CN-IR": "friction"}),
    ("seen as a threat", "Russia sees China as a long-term threat.", {"CN-RU": "friction"}),
    ("interests that do not align", "Chinese and Russian interests in the Arctic do not always align.", {"CN-RU": "friction"}),
    ("one member's own trouble", "The Kremlin was embarrassed by the mutiny.", {}),
    ("reported by the other's media", "Iran pulled out of the talks, Russian media reported.", {"IR-RU": "neutral"}),
    ("growth that disappoints", "China's growth figures disappointed investors, while Russia's economy contracted.", {"CN-RU": "neutral"}),
    ("another's view of them", "The United States sees China and Russia as rivals.", {"CN-RU": "neutral"}),
    ("their own rivalry", "Iran and Russia are rivals on the oil market.", {"IR-RU": "friction"}),
    ("a comparison", "Iran, like Russia, faces Western sanctions.", {"IR-RU": "neutral"}),
    ("wary of a third power together", "Both China and Russia are wary of American power.", {"CN-RU": "neutral"}),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in GOODS + COOPERATION + FRICTION],
                         ids=[c[0] for c in GOODS + COOPERATION + FRICTION])
def test_relation_cues_and_structures(lexicon, text, expected):
    got = _relations(text, lexicon)
    assert {pair: got.get(pair) for pair in expected} == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Russland ist zunehmend von China abhängig.", {"CN-RU": "cooperation"}),
    ("de", "Nordkorea hat Russland Millionen Granaten geliefert.", {"KP-RU": "cooperation"}),
    ("de", "Nordkorea schickt Munition nach Russland.", {"KP-RU": "cooperation"}),
    ("de", "China hat Russland offen kritisiert.", {"CN-RU": "friction"}),
    ("de", "Iranische Drohnen werden in Russland gebaut.", {"IR-RU": "neutral"}),  # Drohnen are no threat
    ("de", "Moskau will nicht Juniorpartner Pekings sein.", {"CN-RU": "friction"}),
    ("zh", "中国向俄罗斯提供了大量电子元件。", {"CN-RU": "cooperation"}),
    ("zh", "中国对朝鲜的支持从未中断。", {"CN-KP": "cooperation"}),
    ("ko", "중국은 러시아를 지원하고 있다.", {"CN-RU": "cooperation"}),
    ("ko", "이란은 러시아에 드론을 보냈다.", {"IR-RU": "cooperation"}),
    ("ko", "중국은 북한을 제재했다.", {"CN-KP": "friction"}),
    ("fa", "ایران به روسیه پهپاد فرستاد.", {"IR-RU": "cooperation"}),
    ("fa", "چین از روسیه حمایت می‌کند.", {"CN-RU": "cooperation"}),
    ("fr", "La Corée du Nord envoie des obus à la Russie.", {"KP-RU": "cooperation"}),
    ("fr", "La Russie se méfie de la Chine.", {"CN-RU": "friction"}),
    ("es", "Rusia depende cada vez más de China.", {"CN-RU": "cooperation"}),
    ("es", "China y Rusia compiten por influencia en Asia Central.", {"CN-RU": "friction"}),
    ("ru", "Россия всё больше зависит от Китая.", {"CN-RU": "cooperation"}),
    ("ru", "Россия не доверяет Китаю.", {"CN-RU": "friction"}),
    ("pl", "Korea Północna wysyła Rosji amunicję.", {"KP-RU": "cooperation"}),
    ("pl", "Rosja nie ufa Chinom.", {"CN-RU": "friction"}),
    ("ko", "중국과 러시아는 유럽에 가스를 판매한다.", {"CN-RU": "neutral"}),  # both sell to a third party
    ("de", "Das Schicksal Russlands hängt vom Sender in China ab.", {"CN-RU": "neutral"}),  # no sending
])
def test_the_same_cues_and_verb_final_clauses_in_other_languages(lexicon, lang, text, expected):
    got = _relations(text, lexicon, lang)
    assert {pair: got.get(pair) for pair in expected} == expected
