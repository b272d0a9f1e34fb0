"""The fast n-gram reader gives langdetect exactly the n-grams its own reader gives."""

from __future__ import annotations

import pytest
from langdetect import detector_factory

from pipeline.language import detect_language, text_ngrams

TEXTS = [
    "The harbour office said the new cranes would be running before the summer.",
    "Die Hafenbehörde sagte, die neuen Kräne liefen vor dem Sommer. ÄÖÜ ß straße",
    "NATO and the EU met in BRUSSELS on Monday; the USA sent an envoy.",
    "Россия и КНДР подписали договор о сотрудничестве в Москве.",
    "中国和俄罗斯的关系 北朝鮮 ひらがな カタカナ 한국어 문장입니다",
    "ايران و روسیه ی همکاری",
    "Tiếng Việt có dấu: ạ ả ấ ầ ẩ ẫ ậ",
    "Ștefan și Țara — “quoted” … dashes – and — spaces\u00a0here",
    "A", "", "   ", "12345 !!! ???",
]


@pytest.fixture(scope="module")
def factory():
    detector_factory.init_factory()
    return detector_factory._factory


@pytest.mark.parametrize("text", TEXTS)
def test_the_same_ngrams_in_the_same_order(factory, text: str) -> None:
    detector = factory.create()
    detector.append(text)
    assert text_ngrams(detector.text, detector.word_lang_prob_map) == detector._extract_ngrams()


def test_labels_come_out_as_before() -> None:
    assert detect_language(TEXTS[0])[0] == "en"
    assert detect_language(TEXTS[1])[0] == "de"
    assert detect_language(TEXTS[3])[0] == "ru"
