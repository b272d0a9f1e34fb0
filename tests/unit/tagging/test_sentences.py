"""Sentence segmentation with offsets for Latin, Cyrillic, CJK, Hangul and Persian punctuation."""

from pipeline.tagging.sentences import split_sentences


def _split(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_latin_and_cjk_punctuation():
    assert _split("One. Two! 三。四？ Five") == ["One.", "Two!", "三。", "四？", "Five"]


def test_cjk_without_spaces():
    assert _split("中俄签署协议。双方表示满意！还有问题吗？") == ["中俄签署协议。", "双方表示满意！", "还有问题吗？"]


def test_persian_question_mark_and_full_stop():
    text = "آیا چین متحد ایران است؟ بسیاری تردید دارند. پایان"
    assert _split(text) == ["آیا چین متحد ایران است؟", "بسیاری تردید دارند.", "پایان"]
    assert _split("این پایان است۔ آغاز") == ["این پایان است۔", "آغاز"]


def test_korean_sentences():
    assert _split("중국은 러시아와 협력했다. 북한은? 그렇다!") == ["중국은 러시아와 협력했다.", "북한은?", "그렇다!"]


def test_closing_quotes_stay_with_their_sentence():
    assert _split('He said "no limits." Then he left.') == ['He said "no limits."', "Then he left."]
    assert _split("Он сказал: «Нет». Потом ушёл.") == ["Он сказал: «Нет».", "Потом ушёл."]


def test_abbreviations_do_not_end_sentences():
    assert _split("Mr. Putin met U.S. officials. They talked.") == ["Mr. Putin met U.S. officials.", "They talked."]


def test_offsets_index_the_original_text():
    text = "  First one.\n\nSecond one?  "
    for s, e in split_sentences(text):
        assert text[s:e] in ("First one.", "Second one?")
