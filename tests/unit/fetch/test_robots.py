from pipeline.fetch.robots import RobotsRules, parse_robots
from pipeline.fetch.state import FetchState

ROBOTS = "User-agent: crinkwatch\nDisallow: /drafts/\nCrawl-delay: 3\n\nUser-agent: *\nDisallow: /\n"


def test_rfc_9309_status_rules():
    assert parse_robots(404, "").can_fetch("crinkwatch", "https://ex.com/a")
    assert not parse_robots(503, "").can_fetch("crinkwatch", "https://ex.com/a")
    rules = parse_robots(200, ROBOTS)
    assert rules.can_fetch("crinkwatch", "https://ex.com/news/1")
    assert not rules.can_fetch("crinkwatch", "https://ex.com/drafts/1")
    assert not rules.can_fetch("otherbot", "https://ex.com/news/1")


def test_robots_is_fetched_once_cached_and_sets_the_crawl_delay():
    calls, delays = [], {}

    def fetch_text(url):
        calls.append(url)
        return 200, ROBOTS, None

    with FetchState(":memory:") as state:
        rules = RobotsRules(state, fetch_text, "crinkwatch", 3600, lambda o, d: delays.update({o: d}))
        assert rules.allowed("https://ex.com/a") and not rules.allowed("https://ex.com/drafts/x")
        assert rules.refusal("https://ex.com/drafts/x") == "disallowed by robots.txt of https://ex.com"
        again = RobotsRules(state, fetch_text, "crinkwatch", 3600)  # a later run: from the cache
        assert again.allowed("https://ex.com/b")
    assert calls == ["https://ex.com/robots.txt"] and delays == {"https://ex.com": 3.0}


def test_unreachable_robots_blocks_the_origin_for_this_run_only():
    answers = [(0, "", "connection failed: refused"), (404, "", "HTTP 404")]
    with FetchState(":memory:") as state:
        first = RobotsRules(state, lambda u: answers.pop(0), "crinkwatch", 3600)
        assert not first.allowed("https://down.example/a")
        assert "unreachable (connection failed: refused)" in first.refusal("https://down.example/a")
        assert state.robots("https://down.example") is None  # not cached
        assert RobotsRules(state, lambda u: answers.pop(0), "crinkwatch", 3600).allowed("https://down.example/a")
