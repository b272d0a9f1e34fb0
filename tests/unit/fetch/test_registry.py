"""The shipped source registry: enough real feeds, every key present, all four countries."""

import yaml

from pipeline.config import DEFAULT_SOURCES
from pipeline.sources import load_sources

REQUIRED = {"id", "name", "feed_url", "type", "language", "comments"}


def test_registry_has_at_least_25_complete_real_feeds():
    raw = yaml.safe_load(DEFAULT_SOURCES.read_text(encoding="utf-8"))["sources"]
    assert len(raw) >= 25
    missing = {s.get("id"): REQUIRED - set(s) for s in raw if REQUIRED - set(s)}
    assert missing == {}
    sources = load_sources(DEFAULT_SOURCES)
    assert all(s.feed_url.startswith(("https://", "http://")) for s in sources)
    assert {s.type for s in sources} == {"think_tank", "news", "state_media"}
    enabled = [s for s in sources if s.enabled]
    assert len(enabled) >= 25


def test_registry_covers_the_named_think_tanks_and_state_media():
    ids = {s.id for s in load_sources(DEFAULT_SOURCES)}
    for expected in ("pacific_forum", "csis", "brookings", "carnegie", "rand", "lowy_interpreter",
                     "chatham_house", "ecfr", "iiss", "stimson", "38north", "war_on_the_rocks",
                     "the_diplomat", "asia_times", "foreign_policy", "nk_news"):
        assert expected in ids
    hosts = " ".join(s.feed_url for s in load_sources(DEFAULT_SOURCES) if s.type == "state_media")
    for country_host in ("tass.com", "globaltimes.cn", "irna.ir", "kcnawatch.org"):
        assert country_host in hosts
