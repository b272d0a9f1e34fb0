"""Groupings that look like CRINK framings but name another grouping: a bloc qualified as trading,
voting, regional, Western, Soviet, EU, BRICS, Arab, party or ruling, "a bloc of N countries", in the
eight languages. They get no CRINK framing, while a bloc whose target the sentence (or the two
before) makes the members still does. Sentences are written for these tests, not taken from real text."""

import pytest

from pipeline.tagging.tagger import tag_text


def _framings(text, lexicon, lang="en"):
    return [(f.label, sorted(f.target)) for f in tag_text(text, lang, lexicon).framings]


LOOKALIKES = [
    ("en", "China wants a free-trade deal with the regional bloc."),
    ("en", "Russia is a member of the regional bloc."),
    ("en", "Russia courts the ruling bloc in the Serbian parliament."),
    ("en", "The opposition bloc accused the government of selling out to Beijing."),
    ("en", "Iran sought observer status in the Arab bloc, according to diplomats in Moscow."),
    ("en", "China joined a bloc of 15 Asia-Pacific economies in 2020."),
    ("en", "The BRICS bloc, which includes China and Russia, met in Kazan."),
    ("en", "Beijing signed a deal with the Gulf bloc."),
    ("en", "Moscow lobbied the African bloc at the UN vote."),
    ("en", "The party bloc in the Duma backed the Kremlin's budget."),
    ("en", "China sells more to the European bloc than to Russia."),
    ("en", "Russia warned the Western axis against sending tanks."),
    ("en", "China and Russia have both courted the Central Asian bloc."),
    ("en", "Russia is wary of the G7 bloc's price cap, as is China."),
    ("de", "China verhandelt mit dem westlichen Block über Zölle."),
    ("de", "Russland umwirbt den regionalen Block in Zentralasien."),
    ("fr", "La Chine négocie avec le bloc régional un accord commercial."),
    ("fr", "La Russie critique le bloc occidental."),
    ("es", "China negocia con el bloque regional un acuerdo comercial."),
    ("es", "Rusia critica al bloque occidental y a la OTAN."),
    ("ru", "Китай ведёт переговоры с региональным блоком."),
    ("ru", "Россия критикует западный блок."),
    ("pl", "Chiny negocjują z blokiem regionalnym umowę handlową."),
    ("pl", "Rosja krytykuje blok zachodni."),
    ("zh", "中国与区域集团谈判贸易协定。"),
    ("zh", "俄罗斯批评西方阵营。"),
    ("ko", "중국은 지역 블록과 무역 협정을 협상한다."),
    ("ko", "러시아는 서방 진영을 비판했다."),
    ("fa", "چین با بلوک منطقه‌ای مذاکره می‌کند."),
    ("fa", "روسیه بلوک غرب را محکوم کرد."),
]


CRINK_BLOCS = [
    ("en", "China and Russia increasingly act as a bloc.", ["CN", "RU"]),
    ("en", "Iran, Russia and North Korea form an anti-Western bloc.", ["IR", "KP", "RU"]),
    ("en", "The four autocracies have drawn closer. They now look like a bloc of four states.", None),
    ("de", "China und Russland bilden einen Block.", ["CN", "RU"]),
    ("ru", "Китай и Россия образуют единый фронт.", ["CN", "RU"]),
    ("zh", "中国和俄罗斯结成反西方阵营。", ["CN", "RU"]),
    ("zh", "中国和俄罗斯正在结成对抗西方的阵营。", ["CN", "RU"]),
    ("en", "China and Russia increasingly behave as a regional bloc.", ["CN", "RU"]),
    ("en", "Analysts describe a regional bloc of China and Russia.", ["CN", "RU"]),
]


@pytest.mark.parametrize("lang,text,target", CRINK_BLOCS, ids=[f"{c[0]}-{i}" for i, c in enumerate(CRINK_BLOCS)])
def test_a_bloc_of_the_members_is_still_a_crink_framing(lexicon, lang, text, target):
    got = _framings(text, lexicon, lang)
    if target is None:  # no member named in the sentence or the two before: nothing to resolve
        assert got == []
    else:
        assert [t for _, t in got] == [target]


# "The bloc" after the EU, NATO, the G7 or the SCO was named is that grouping, even when a member is
# named in between (what the grouping acts on); members a relative clause puts inside it ("BRICS,
# which includes China and Russia") or an apposition ("the SCO, a bloc led by ...") are its members;
# a member named in the phrase's own words ("the axis of Moscow and Pyongyang") is its target.
CONTEXT = [
    ('en', 'The European Union imposed new sanctions on Russia. The bloc also targeted Chinese firms.', []),
    ('en', "The EU agreed a new package against Moscow; the bloc's foreign ministers also criticised Beijing.", []),
    ('en', 'Brussels wants the bloc to reduce its dependence on China.', []),
    ('en', 'NATO allies met in Vilnius. The alliance warned that Russia and China were drawing closer.', []),
    ('en', "The G7 condemned Russia's war, and the bloc urged China to stop supplying Moscow.", []),
    ('en', "The 27-member bloc is China's largest trading partner after ASEAN.", []),
    ('en', 'BRICS, which includes China and Russia, has expanded; the bloc now has ten members.', []),
    ('en', 'The Shanghai Cooperation Organisation, a bloc led by China and Russia, met in Tianjin.', []),
    ('en', 'The Western bloc has armed Ukraine, while Russia relies on Iran.', []),
    ('en', 'China and Russia are forming an anti-Western bloc.', [('bloc', ['CN', 'RU'])]),
    ('en', 'Russia, China, Iran and North Korea increasingly operate as a bloc.', [('bloc', ['CN', 'IR', 'KP', 'RU'])]),
    ('en', 'Russia and Iran form an axis of resistance against the West.', [('axis', ['IR', 'RU'])]),
    ('en', 'Iran leads the so-called axis of resistance, which Russia has courted.', [('axis', ['IR'])]),
    ('en', "The opposition bloc in Iran's parliament criticised Moscow.", []),
    ('en', "Seoul and Tokyo, America's allies, worry about the axis of Moscow and Pyongyang.", [('axis', ['KP', 'RU'])]),
    ('de', 'Die EU hat neue Sanktionen gegen Russland beschlossen. Der Block will auch chinesische Firmen treffen.', []),
    ('fr', "L'Union européenne a sanctionné la Russie. Le bloc vise aussi des entreprises chinoises.", []),
    ('es', 'La Unión Europea sancionó a Rusia. El bloque también apunta a empresas chinas.', []),
    ('pl', 'Unia Europejska nałożyła sankcje na Rosję. Blok uderzył też w chińskie firmy.', []),
    ('ru', 'Евросоюз ввёл санкции против России. Блок также нацелился на китайские компании.', []),
]


# Other senses of the words: a transport axis ("the North-South transport axis", "ось «Север — Юг»"),
# "en bloc"; an axis the members form stays theirs.
OTHER_SENSES = [
    ('en', 'Iran and Russia are building the North-South transport axis through Azerbaijan.', []),
    ('en', 'Russia and Iran want a north-south axis of trade.', []),
    ('en', "The board resigned en bloc after Russia's invasion.", []),
    ('fr', "Le conseil a démissionné en bloc après l'invasion russe.", []),
    ('es', 'Los ministros rusos dimitieron en bloque.', []),
    ('ru', 'Россия и Иран развивают транспортную ось «Север — Юг».', []),
    ('en', 'Beijing and Moscow have formed a new axis.', [('axis', ['CN', 'RU'])]),
    ('en', 'The China-Russia axis is real.', [('axis', ['CN', 'RU'])]),
]


TABLES = {"lookalike": [(*c, []) for c in LOOKALIKES], "context": CONTEXT, "senses": OTHER_SENSES}


@pytest.mark.parametrize("lang,text,expected", [c for t in TABLES.values() for c in t],
                         ids=[f"{name}-{c[0]}-{i}" for name, t in TABLES.items() for i, c in enumerate(t)])
def test_framings_and_their_targets(lexicon, lang, text, expected):
    assert _framings(text, lexicon, lang) == expected
