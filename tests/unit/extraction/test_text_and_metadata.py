"""Word counts, leak stripping and metadata precedence."""

import json
from datetime import datetime, timezone

from pipeline.extraction import EXTRACTOR, ExtractorSettings, extract_page
from pipeline.extraction.metadata import parse_date
from pipeline.extraction.text import count_words, strip_comment_lines


def test_word_count_counts_each_cjk_character_and_latin_words():
    assert count_words("The summit ended without a statement.") == 6
    assert count_words("中俄能源合作") == 6
    assert count_words("中俄 LNG 合作, 2026") == 6  # 4 Han characters + "LNG" + "2026"
    assert count_words("— · —") == 0


def test_strip_comment_lines_drops_echoed_lines_only():
    text = "An article line that is long enough.\nA reader said exactly this sentence here.\nLast line of the article."
    out = strip_comment_lines(text, ["A reader said exactly this sentence here."])
    assert out == "An article line that is long enough.\nLast line of the article."


def test_parse_date_drops_future_and_garbage():
    now = datetime(2026, 11, 28, tzinfo=timezone.utc)
    assert parse_date("2026-11-20", now) == "2026-11-20T00:00:00+00:00"
    assert parse_date("2026-11-20T10:00:00Z", now) == "2026-11-20T10:00:00+00:00"
    assert parse_date("2026-12-01", now) is None
    assert parse_date("not a date at all", now) is None
    assert parse_date(None, now) is None


def test_feed_date_beats_the_date_in_the_url_path(page_bytes, raw_page):
    page = raw_page(url="http://127.0.0.1/news/2026/11/story.html",
                    entry_published_at="2026-11-16T09:30:00+00:00", entry_title="Feed title")
    article, _ = extract_page(page_bytes("no_comments.html"), page)
    assert article.published_at == "2026-11-16T09:30:00+00:00"  # not 2026-11-01 from /2026/11/
    assert article.title == "Feed title"


def test_page_metadata_fills_in_when_the_entry_lacks_it(page_bytes, raw_page):
    article, _ = extract_page(page_bytes("wordpress.html"), raw_page(entry_published_at="2099-01-01"))
    assert article.title.startswith("Port talks stall over grain corridor")
    assert article.authors == ["Ines Marlow"]
    assert article.site_name == "Harbour Review"
    assert article.published_at is None or article.published_at < "2027"


def test_article_record_carries_extractor_provenance(page_bytes, raw_page):
    settings = ExtractorSettings(min_text_chars=100)
    article, _ = extract_page(page_bytes("disqus.html"), raw_page(), settings=settings)
    assert article.extractor == EXTRACTOR
    assert json.loads(article.extractor_settings)["min_text_chars"] == 100
    assert article.language == "en" and article.language_confidence > 0.7
    assert article.word_count == count_words(article.text) > 50
