"""Cooperation phrased in the generic ways the labelling policy implies: supplying, arming, backing,
helping, shielding, buying from, selling to, trading with, ties and partnership nouns, passives
("X was supplied by Y"), "with Y's backing", "between A and B" in the eight languages; a pronoun
("helps them") standing for the list before it; the object of a preposition is no subject of the
next verb. Sentences are written for these tests, not taken from real text."""

import pytest

from pipeline.config import DEFAULT_TAXONOMY
from pipeline.tagging.lexicon import load_lexicon
from pipeline.tagging.tagger import tag_text


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(DEFAULT_TAXONOMY)


def _relations(text, lexicon, lang="en"):
    return {f"{d.a}-{d.b}": d.relation for d in tag_text(text, lang, lexicon).dyads}


COOPERATION = [
    ('en', 'Iran was supplied with drones by Russia.', 'IR-RU'),
    ('en', 'The drones were supplied by Iran to Russia.', 'IR-RU'),
    ('en', "Russia, with China's backing, pressed on.", 'CN-RU'),
    ('en', "With Beijing's backing, Moscow has weathered the sanctions.", 'CN-RU'),
    ('en', 'Moscow buys shells from Pyongyang.', 'KP-RU'),
    ('en', 'China sells machine tools to Russia.', 'CN-RU'),
    ('en', 'Iran trades with Russia through the Caspian.', 'IR-RU'),
    ('en', 'Ties between Tehran and Moscow have deepened.', 'IR-RU'),
    ('en', 'The partnership between Russia and North Korea is growing.', 'KP-RU'),
    ('en', "Russia's military cooperation with Iran has grown.", 'IR-RU'),
    ('en', 'Chinese technology transfers to Russia continue.', 'CN-RU'),
    ('en', 'The shipment of North Korean artillery to Russia began in 2023.', 'KP-RU'),
    ('en', "Russia's purchase of Iranian drones changed the war.", 'IR-RU'),
    ('en', 'Pyongyang has armed Moscow with millions of shells.', 'KP-RU'),
    ('en', 'Beijing shields Pyongyang at the UN Security Council.', 'CN-KP'),
    ('en', 'Russia and Iran coordinate their oil exports.', 'IR-RU'),
    ('en', "China's growing alignment with Russia worries Europe.", 'CN-RU'),
    ('en', 'North Korean troops are fighting for Russia in Kursk.', 'KP-RU'),
    ('en', 'Russia relies on Chinese components for its missiles.', 'CN-RU'),
    ('en', "Iran has become one of Russia's main arms suppliers.", 'IR-RU'),
    ('en', 'Moscow received ballistic missiles from Tehran.', 'IR-RU'),
    ('en', "Moscow's economic lifeline runs through Beijing.", 'CN-RU'),
    ('en', 'Russian oil flows to China at record volumes.', 'CN-RU'),
    ('en', 'Russia was backed by China at the UN.', 'CN-RU'),
    ('en', 'The deepening of ties between Beijing and Moscow continues.', 'CN-RU'),
    ('en', 'A treaty signed by Russia and North Korea commits them to mutual defence.', 'KP-RU'),
    ('en', 'Russia has helped Iran build satellites.', 'IR-RU'),
    ('en', 'Iran and Russia held joint naval drills.', 'IR-RU'),
    ('en', "China is Russia's largest trading partner.", 'CN-RU'),
    ('en', 'Russia is paying North Korea for troops with oil and technology.', 'KP-RU'),
    ('en', 'Tehran offered Moscow drone factories.', 'IR-RU'),
    ('en', 'Russian engineers are helping Iran with its nuclear plant.', 'IR-RU'),
    ('en', 'Moscow and Beijing share intelligence on the US.', 'CN-RU'),
    ('en', 'Beijing and Moscow are strengthening their strategic coordination.', 'CN-RU'),
    ('de', 'Russland bezieht Drohnen aus dem Iran.', 'IR-RU'),
    ('de', 'China unterstützt Russland wirtschaftlich.', 'CN-RU'),
    ('de', 'Nordkorea liefert Munition an Russland.', 'KP-RU'),
    ('de', 'Die Zusammenarbeit zwischen Moskau und Peking wächst.', 'CN-RU'),
    ('fr', "La Russie achète des drones à l'Iran.", 'IR-RU'),
    ('fr', 'La Chine soutient la Russie.', 'CN-RU'),
    ('fr', "La coopération entre Moscou et Pékin s'approfondit.", 'CN-RU'),
    ('es', 'Irán vende drones a Rusia.', 'IR-RU'),
    ('es', 'China apoya a Rusia en la ONU.', 'CN-RU'),
    ('es', 'La cooperación entre Rusia y Corea del Norte crece.', 'KP-RU'),
    ('ru', 'Иран поставляет России беспилотники.', 'IR-RU'),
    ('ru', 'Китай поддерживает Россию.', 'CN-RU'),
    ('ru', 'Сотрудничество между Россией и КНДР растёт.', 'KP-RU'),
    ('pl', 'Chiny wspierają Rosję.', 'CN-RU'),
    ('pl', 'Iran dostarcza Rosji drony.', 'IR-RU'),
    ('pl', 'Współpraca między Rosją a Koreą Północną rośnie.', 'KP-RU'),
    ('zh', '中国支持俄罗斯。', 'CN-RU'),
    ('zh', '伊朗向俄罗斯提供无人机。', 'IR-RU'),
    ('zh', '中俄合作不断深化。', 'CN-RU'),
    ('ko', '북한은 러시아에 포탄을 공급했다.', 'KP-RU'),
    ('ko', '중국은 러시아를 지원한다.', 'CN-RU'),
    ('fa', 'ایران به روسیه پهپاد فروخت.', 'IR-RU'),
    ('fa', 'چین از روسیه حمایت می\u200cکند.', 'CN-RU'),
]


@pytest.mark.parametrize("lang,text,pair", COOPERATION, ids=[f"{c[0]}-{i}" for i, c in enumerate(COOPERATION)])
def test_generic_cooperation(lexicon, lang, text, pair):
    assert _relations(text, lexicon, lang)[pair] == "cooperation"


def test_a_pronoun_object_stands_for_the_list_before_it(lexicon):
    got = _relations("North Korea borders on China and Russia and helps them watch Japan.", lexicon)
    assert got == {"CN-KP": "cooperation", "CN-RU": "neutral", "KP-RU": "cooperation"}
