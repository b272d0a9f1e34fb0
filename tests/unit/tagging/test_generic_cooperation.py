"""Cooperation phrased in the generic ways the labelling policy implies: supplying, arming, backing,
helping, shielding, buying from, selling to, trading with, ties and partnership nouns, passives
("X was supplied by Y"), "with Y's backing", "between A and B" in the eight languages; a pronoun
("helps them") standing for the list before it; the object of a preposition is no subject of the
next verb; a joint act needs its subjects right before its verb. Sentences are written for these
tests, not taken from real text."""

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
    ('en', 'Russia has turned to North Korea for artillery shells.', 'KP-RU'),
    ('en', 'North Korea has emerged as a key supplier of munitions to Russia.', 'KP-RU'),
    ('en', 'Iranian-designed Shahed drones are now produced in Russia.', 'IR-RU'),
    ('en', 'Beijing has provided Moscow with diplomatic support throughout the war.', 'CN-RU'),
    ('en', 'In return, Moscow is believed to be providing Pyongyang with space technology.', 'KP-RU'),
    ('en', 'Tehran and Moscow signed a comprehensive strategic partnership treaty in January.', 'IR-RU'),
    ('en', 'The Kremlin thanked Kim Jong Un for sending troops.', 'KP-RU'),
    ('en', 'China remains the main buyer of Iranian oil.', 'CN-IR'),
    ('en', "Chinese refiners purchase most of Iran's crude exports.", 'CN-IR'),
    ('en', 'Putin hosted Kim in Vostochny in 2023.', 'KP-RU'),
    ('en', 'Xi and Putin pledged to deepen their strategic coordination.', 'CN-RU'),
    ('en', "Russia is North Korea's most important partner after China.", 'KP-RU'),
    ('en', 'Moscow vetoed a UN panel that monitored sanctions on Pyongyang.', 'KP-RU'),
    ('en', 'Russian firms have helped Iran evade sanctions.', 'IR-RU'),
    ('en', 'China has been quietly supplying Russia with dual-use goods.', 'CN-RU'),
    ('en', 'The two leaders reaffirmed their commitment to closer ties between Beijing and Moscow.', 'CN-RU'),
    ('en', 'Iran depends on Chinese purchases of its oil.', 'CN-IR'),
    ('en', 'Moscow has stood by Tehran during the crisis.', 'IR-RU'),
    ('en', 'North Korean workers are being sent to Russia.', 'KP-RU'),
    ('en', "Russia supports Iran's position on the nuclear deal.", 'IR-RU'),
    ('en', 'China and Russia conducted joint bomber patrols near Japan.', 'CN-RU'),
    ('en', 'Russia is said to be sharing submarine technology with North Korea.', 'KP-RU'),
    ('en', "Pyongyang's support for Moscow's war has deepened their alliance.", 'KP-RU'),
    ('en', 'Beijing opposed new sanctions on Tehran.', 'CN-IR'),
    ('en', 'Iran has sold Russia hundreds of ballistic missiles.', 'IR-RU'),
    ('en', "Russia's war effort benefits from Chinese machine tools.", 'CN-RU'),
    ('en', 'North Korea has become a crucial arsenal for Russia.', 'KP-RU'),
    ('en', "Moscow's ties to Tehran have grown closer since 2022.", 'IR-RU'),
    ('en', 'Chinese customs data show exports to Russia rising.', 'CN-RU'),
    ('en', "Russia and North Korea agreed to come to each other's aid.", 'KP-RU'),
    ('en', "China's purchases of Russian oil have soared.", 'CN-RU'),
    ('en', 'Tehran supplied Moscow with Shahed drones in 2022.', 'IR-RU'),
    ('en', 'North Korean soldiers fought alongside Russian forces.', 'KP-RU'),
    ('en', "Beijing welcomed Moscow's proposal.", 'CN-RU'),
    ('en', 'Russia and Iran are building a railway corridor together.', 'IR-RU'),
    ('en', 'Pyongyang has shipped millions of shells to Russia.', 'KP-RU'),
    ('de', 'Nordkorea hat Russland Millionen Granaten geliefert.', 'KP-RU'),
    ('de', 'Peking und Moskau vertiefen ihre Partnerschaft.', 'CN-RU'),
    ('de', 'China kauft russisches Öl.', 'CN-RU'),
    ('de', 'Iran verkauft Russland Raketen.', 'IR-RU'),
    ('fr', 'Pyongyang a livré des obus à Moscou.', 'KP-RU'),
    ('fr', 'Moscou et Téhéran ont signé un partenariat stratégique.', 'IR-RU'),
    ('fr', 'La Chine achète du pétrole russe.', 'CN-RU'),
    ('es', 'Corea del Norte envió tropas a Rusia.', 'KP-RU'),
    ('es', 'Moscú y Pekín firmaron un acuerdo energético.', 'CN-RU'),
    ('es', 'China compra petróleo ruso.', 'CN-RU'),
    ('ru', 'КНДР отправила войска в Россию.', 'KP-RU'),
    ('ru', 'Москва и Пекин подписали соглашение.', 'CN-RU'),
    ('ru', 'Китай закупает российскую нефть.', 'CN-RU'),
    ('pl', 'Korea Północna wysłała żołnierzy do Rosji.', 'KP-RU'),
    ('pl', 'Chiny kupują rosyjską ropę.', 'CN-RU'),
    ('pl', 'Moskwa i Pekin podpisały umowę.', 'CN-RU'),
    ('zh', '朝鲜向俄罗斯派遣了军队。', 'KP-RU'),
    ('zh', '中国购买俄罗斯石油。', 'CN-RU'),
    ('zh', '俄罗斯与伊朗签署了战略伙伴关系条约。', 'IR-RU'),
    ('ko', '북한은 러시아에 군대를 파병했다.', 'KP-RU'),
    ('ko', '중국은 러시아산 석유를 구매한다.', 'CN-RU'),
    ('ko', '러시아와 이란은 전략적 동반자 조약에 서명했다.', 'IR-RU'),
    ('fa', 'ایران و روسیه پیمان همکاری راهبردی امضا کردند.', 'IR-RU'),
    ('fa', 'کره شمالی به روسیه سرباز فرستاد.', 'KP-RU'),
]


@pytest.mark.parametrize("lang,text,pair", COOPERATION, ids=[f"{c[0]}-{i}" for i, c in enumerate(COOPERATION)])
def test_generic_cooperation(lexicon, lang, text, pair):
    assert _relations(text, lexicon, lang)[pair] == "cooperation"


def test_a_pronoun_object_stands_for_the_list_before_it(lexicon):
    got = _relations("North Korea borders on China and Russia and helps them watch Japan.", lexicon)
    assert got == {"CN-KP": "cooperation", "CN-RU": "neutral", "KP-RU": "cooperation"}


# Co-occurrence without cooperation: lists, third parties acting on both, parallel acts, comparisons.
NEUTRAL = [
    ('en', 'Washington sanctioned Iranian and Russian firms.', 'IR-RU'),
    ('en', 'China, Russia and Iran all face Western sanctions.', 'CN-RU'),
    ('en', 'Like Russia, Iran sells oil at a discount.', 'IR-RU'),
    ('en', 'Russia has deployed troops near the Chinese border.', 'CN-RU'),
    ('en', 'Both Iran and North Korea are under UN sanctions.', 'IR-KP'),
    ('en', 'The US thanked Japan for its support, while China and Russia watched.', 'CN-RU'),
    ('en', 'Iran and Russia each trade with India.', 'IR-RU'),
    ('en', 'China buys oil from Saudi Arabia, and Russia sells gas to Turkey.', 'CN-RU'),
    ('en', 'Analysts in Beijing and Moscow disagree with Washington.', 'CN-RU'),
    ('en', 'China and Russia compete with the United States for influence.', 'CN-RU'),
    ('en', "North Korea's missile tests alarmed Japan, and Russia's war alarmed Europe.", 'KP-RU'),
    ('en', 'The report covers China, Russia, Iran and North Korea.', 'CN-RU'),
    ('en', "Russia's economy shrank while China's grew.", 'CN-RU'),
    ('en', 'Iran and North Korea have both been accused of hacking by Washington.', 'IR-KP'),
    ('en', 'The EU imposed tariffs on Chinese cars and banned Russian oil.', 'CN-RU'),
    ('en', 'Tensions between the US and China rose, and Russia stayed silent.', 'CN-RU'),
    ('en', 'Iran, unlike Russia, has no veto at the UN.', 'IR-RU'),
    ('en', "Beijing criticized Washington's sanctions on Russian banks and Chinese firms.", 'CN-RU'),
    ('en', 'Sanctions on Iran and Russia have reshaped oil markets.', 'IR-RU'),
    ('en', 'The sanctions on Russia have pushed up prices in China.', 'CN-RU'),
    ('en', 'Pyongyang and Tehran fear an American strike.', 'IR-KP'),
    ('en', "Russia's war in Ukraine has strained the global economy, China says.", 'CN-RU'),
    ('en', 'Russia is stuck in a stalemate, and China is watching closely.', 'CN-RU'),
    ('de', 'China und Russland stehen beide unter Druck der USA.', 'CN-RU'),
    ('fr', 'La Chine et la Russie font face à des sanctions occidentales.', 'CN-RU'),
]


@pytest.mark.parametrize("lang,text,pair", NEUTRAL, ids=[f"{c[0]}-{i}" for i, c in enumerate(NEUTRAL)])
def test_co_occurrence_stays_neutral(lexicon, lang, text, pair):
    assert _relations(text, lexicon, lang)[pair] == "neutral"


# Nominalisations, "between" subjects, giving and repaying, joint drills in the eight languages; and
# co-occurrence that others describe ("grouped together by Western analysts") stays neutral.
MIXED = [
    ('en', "Moscow's reliance on Beijing has deepened since 2022.", 'CN-RU', 'cooperation'),
    ('en', 'The deal gives Russia access to Chinese markets.', 'CN-RU', 'cooperation'),
    ('en', "North Korean munitions have been critical to Russia's war effort.", 'KP-RU', 'cooperation'),
    ('en', "Iran's drone factories now supply Russia's army.", 'IR-RU', 'cooperation'),
    ('en', 'Russia has repaid Pyongyang with food, oil and technology.', 'KP-RU', 'cooperation'),
    ('en', 'The Kremlin has reportedly given Iran Su-35 fighter jets in exchange.', 'IR-RU', 'cooperation'),
    ('en', "Russian technical assistance to North Korea's satellite program is growing.", 'KP-RU', 'cooperation'),
    ('en', "Beijing's support has kept the Russian economy afloat.", 'CN-RU', 'cooperation'),
    ('en', 'Chinese exports to Russia hit a record last year.', 'CN-RU', 'cooperation'),
    ('en', 'Iran is one of the few countries to openly arm Russia.', 'IR-RU', 'cooperation'),
    ('en', 'North Korea is believed to have sent as many as 12,000 troops to Russia.', 'KP-RU', 'cooperation'),
    ('en', 'Putin and Xi signed dozens of agreements in Beijing.', 'CN-RU', 'cooperation'),
    ('en', 'At the UN, China has consistently sided with Russia.', 'CN-RU', 'cooperation'),
    ('en', 'The alliance between Moscow and Pyongyang now includes a mutual defence clause.', 'KP-RU', 'cooperation'),
    ('en', 'Russian and Chinese warships held exercises in the Sea of Japan.', 'CN-RU', 'cooperation'),
    ('en', 'China and Iran signed a 25-year cooperation agreement.', 'CN-IR', 'cooperation'),
    ('en', 'Trade between China and Russia reached $240 billion.', 'CN-RU', 'cooperation'),
    ('en', 'Pyongyang benefits from Russian technology transfers.', 'KP-RU', 'cooperation'),
    ('en', 'Iran and North Korea have a long history of missile cooperation.', 'IR-KP', 'cooperation'),
    ('en', 'Russia, China and Iran held naval drills in the Gulf of Oman.', 'CN-IR', 'cooperation'),
    ('en', 'The US and its allies have sanctioned China and Russia.', 'CN-RU', 'neutral'),
    ('en', 'China is the largest buyer of Iranian oil, while Russia buys Iranian drones.', 'CN-RU', 'neutral'),
    ('en', 'North Korea and Iran both test missiles regularly.', 'IR-KP', 'neutral'),
    ('en', 'Experts from China, Russia and Iran attended the conference.', 'CN-RU', 'neutral'),
    ('en', "China's GDP is ten times Russia's.", 'CN-RU', 'neutral'),
    ('en', 'Unlike China, Russia has openly invaded a neighbour.', 'CN-RU', 'neutral'),
    ('en', 'Iran lies between Russia and the Arabian Sea.', 'IR-RU', 'neutral'),
    ('en', 'In Russia and China, elections are tightly controlled.', 'CN-RU', 'neutral'),
    ('en', 'Sanctions against Iran and North Korea have failed to stop their weapons programmes.', 'IR-KP', 'neutral'),
    ('en', 'China, Russia, Iran and North Korea are often grouped together by Western analysts.', 'CN-RU', 'neutral'),
    ('en', 'Commentators lump Iran and Russia together as pariahs.', 'IR-RU', 'neutral'),
    ('en', 'The EU froze the assets of Chinese and Russian banks on Monday.', 'CN-RU', 'neutral'),
    ('en', 'The Pentagon warned about Chinese and Russian military advances.', 'CN-RU', 'neutral'),
    ('en', 'Russia is at war in Ukraine, while Iran faces unrest at home.', 'IR-RU', 'neutral'),
    ('en', 'Both Moscow and Tehran are under heavy Western sanctions.', 'IR-RU', 'neutral'),
    ('en', 'North Korea, like Iran, has been accused of supporting terrorism.', 'IR-KP', 'neutral'),
    ('de', 'Der Handel zwischen China und Russland wächst.', 'CN-RU', 'cooperation'),
    ('de', 'Iran liefert Russland Drohnen.', 'IR-RU', 'cooperation'),
    ('de', 'Russland und China halten gemeinsame Manöver ab.', 'CN-RU', 'cooperation'),
    ('de', 'China und Russland sind beide von Sanktionen betroffen.', 'CN-RU', 'neutral'),
    ('fr', 'Le commerce entre la Chine et la Russie progresse.', 'CN-RU', 'cooperation'),
    ('fr', "L'Iran fournit des drones à la Russie.", 'IR-RU', 'cooperation'),
    ('fr', 'La Chine et la Russie subissent toutes deux des sanctions.', 'CN-RU', 'neutral'),
    ('es', 'El comercio entre China y Rusia crece.', 'CN-RU', 'cooperation'),
    ('es', 'Irán suministra drones a Rusia.', 'IR-RU', 'cooperation'),
    ('ru', 'Торговля между Китаем и Россией растёт.', 'CN-RU', 'cooperation'),
    ('ru', 'Иран и Россия провели совместные учения.', 'IR-RU', 'cooperation'),
    ('pl', 'Handel między Chinami a Rosją rośnie.', 'CN-RU', 'cooperation'),
    ('pl', 'Iran i Rosja przeprowadziły wspólne ćwiczenia.', 'IR-RU', 'cooperation'),
    ('zh', '中国和俄罗斯举行了联合军演。', 'CN-RU', 'cooperation'),
    ('zh', '中国与俄罗斯的贸易额创历史新高。', 'CN-RU', 'cooperation'),
    ('ko', '중국과 러시아는 합동 훈련을 실시했다.', 'CN-RU', 'cooperation'),
    ('ko', '북한과 러시아의 군사 협력이 강화되고 있다.', 'KP-RU', 'cooperation'),
    ('fa', 'ایران و روسیه رزمایش مشترک برگزار کردند.', 'IR-RU', 'cooperation'),
    ('fa', 'همکاری نظامی ایران و روسیه گسترش یافته است.', 'IR-RU', 'cooperation'),
]


@pytest.mark.parametrize("lang,text,pair,relation", MIXED, ids=[f"{c[0]}-{i}" for i, c in enumerate(MIXED)])
def test_relations_in_think_tank_prose(lexicon, lang, text, pair, relation):
    assert _relations(text, lexicon, lang)[pair] == relation


# Nominalised support ("Moscow's embrace of Pyongyang", "Iran's military support for Russia"), coming
# to the other's aid, dealings, investors and lenders, and diplomatic cover against a statement that
# criticises a member.
NOMINAL = [
    ('en', "Moscow's embrace of Pyongyang has alarmed Seoul.", 'KP-RU', 'cooperation'),
    ('en', "Beijing's backing of Moscow has limits.", 'CN-RU', 'cooperation'),
    ('en', "Iran's military support for Russia has grown since 2022.", 'IR-RU', 'cooperation'),
    ('en', "Chinese support for Russia's war effort is mostly economic.", 'CN-RU', 'cooperation'),
    ('en', "North Korea's arms transfers to Russia violate UN resolutions.", 'KP-RU', 'cooperation'),
    ('en', 'The Russia-North Korea treaty was ratified in November.', 'KP-RU', 'cooperation'),
    ('en', "Kim's summit with Putin in Vladivostok raised alarms.", 'KP-RU', 'cooperation'),
    ('en', "Russia's supply of fighter jets to Iran has been delayed repeatedly.", 'IR-RU', 'cooperation'),
    ('en', 'The growing alignment among China, Russia and Iran worries Washington.', 'CN-IR', 'cooperation'),
    ('en', 'China is helping Russia circumvent Western sanctions.', 'CN-RU', 'cooperation'),
    ('en', 'Beijing has thrown its weight behind Moscow.', 'CN-RU', 'cooperation'),
    ('en', "China came to Russia's aid when Western banks withdrew.", 'CN-RU', 'cooperation'),
    ('en', 'Russia has become increasingly dependent on China.', 'CN-RU', 'cooperation'),
    ('en', "Chinese purchases of Russian oil have propped up the Kremlin's budget.", 'CN-RU', 'cooperation'),
    ('en', 'Pyongyang gains hard currency and technology from its dealings with Moscow.', 'KP-RU', 'cooperation'),
    ('en', 'Tehran and Moscow have coordinated their positions on Syria.', 'IR-RU', 'cooperation'),
    ('en', 'The Kremlin rewarded Pyongyang with oil shipments.', 'KP-RU', 'cooperation'),
    ('en', "North Korea's ammunition has helped Russia regain the initiative.", 'KP-RU', 'cooperation'),
    ('en', "Russia is now Iran's top foreign investor.", 'IR-RU', 'cooperation'),
    ('en', 'Beijing abstained on the UN resolution condemning Russia.', 'CN-RU', 'cooperation'),
    ('en', 'China blocked a Security Council statement criticising North Korea.', 'CN-KP', 'cooperation'),
    ('en', 'Moscow and Beijing vetoed new sanctions on Pyongyang.', 'CN-RU', 'cooperation'),
    ('en', 'Iran, North Korea and Russia share an interest in weakening US sanctions.', 'IR-RU', 'neutral'),
    ('en', 'China, not Russia, is the main buyer of Iranian oil.', 'CN-RU', 'neutral'),
    ('en', "Iran's drones and North Korea's shells have both reached Russia.", 'IR-KP', 'neutral'),
    ('en', 'Neither China nor Russia has recognised the annexation.', 'CN-RU', 'neutral'),
    ('en', 'While Russia fights in Ukraine, China watches Taiwan.', 'CN-RU', 'neutral'),
]


@pytest.mark.parametrize("lang,text,pair,relation", NOMINAL, ids=[f"{c[0]}-{i}" for i, c in enumerate(NOMINAL)])
def test_nominalised_cooperation(lexicon, lang, text, pair, relation):
    assert _relations(text, lexicon, lang)[pair] == relation


# Parallel acts with third parties, nouns both demonyms qualify ("Russian and Iranian oil exports"),
# untracked partners ("China supports Pakistan, Russia supports India") and names after "between"
# stay neutral.
PARALLEL = [
    ('en', 'Western lenders have cut exposure to Russia and China.', 'CN-RU', 'neutral'),
    ('en', 'China lends to Africa, Russia sells arms to India.', 'CN-RU', 'neutral'),
    ('en', 'Iran thanked Iraq, while Russia thanked Belarus.', 'IR-RU', 'neutral'),
    ('en', 'Russian and Chinese investors are leaving Europe.', 'CN-RU', 'neutral'),
    ('en', 'The US has dealings with China and Russia at the UN.', 'CN-RU', 'neutral'),
    ('en', "China's trade with the US dwarfs its trade with Russia.", 'CN-RU', 'cooperation'),
    ('en', 'Russia and China signed separate deals with Saudi Arabia.', 'CN-RU', 'neutral'),
    ('en', 'Iran and Russia each signed deals with India.', 'IR-RU', 'neutral'),
    ('en', 'China supports Pakistan, Russia supports India.', 'CN-RU', 'neutral'),
    ('en', "Russia's allies include Belarus, and China's include Pakistan.", 'CN-RU', 'neutral'),
    ('en', 'Japan and South Korea cooperate closely, worried about China and North Korea.', 'CN-KP', 'neutral'),
    ('en', 'The summit in Kazan drew leaders from China, Iran and India.', 'CN-IR', 'neutral'),
    ('en', 'Sanctions have hit Russian and Iranian oil exports.', 'IR-RU', 'neutral'),
    ('en', 'The ICC issued warrants for Russian officials, and China criticized the court.', 'CN-RU', 'neutral'),
    ('en', 'India buys oil from Russia and weapons from Iran.', 'IR-RU', 'neutral'),
    ('en', 'Turkey mediates between Russia and Ukraine while trading with Iran.', 'IR-RU', 'neutral'),
    ('en', 'Russia is a partner of India, and China is a partner of Pakistan.', 'CN-RU', 'neutral'),
    ('en', 'Observers from China and Russia monitored the Iranian election.', 'CN-IR', 'neutral'),
]


@pytest.mark.parametrize("lang,text,pair,relation", PARALLEL, ids=[f"{c[0]}-{i}" for i, c in enumerate(PARALLEL)])
def test_parallel_acts_stay_neutral(lexicon, lang, text, pair, relation):
    assert _relations(text, lexicon, lang)[pair] == relation
