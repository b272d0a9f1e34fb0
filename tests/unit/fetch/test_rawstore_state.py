from pipeline.fetch.rawstore import RawStore
from pipeline.fetch.state import CacheEntry, FetchState


def test_raw_store_is_content_addressed_with_fetch_metadata(tmp_path):
    store = RawStore(tmp_path)
    sha, path = store.put(b"<html>a</html>", {"url": "https://ex.com/a", "status": 200})
    again, _ = store.put(b"<html>a</html>", {"url": "https://ex.com/a?x", "status": 200})
    assert sha == again and store.get(sha) == b"<html>a</html>"
    assert [m["url"] for m in store.meta(sha)] == ["https://ex.com/a", "https://ex.com/a?x"]
    assert path.name == f"{sha}.gz" and not list(tmp_path.rglob("*.tmp"))


def test_state_survives_reopening(tmp_path):
    path = tmp_path / "state" / "fetch.sqlite"
    with FetchState(path) as state:
        state.save_cache_entry(CacheEntry("u", '"e1"', "Mon, 23 Nov 2026 08:00:00 GMT", "h", 200, "t"))
        state.mark_loaded([("u", "h")], "b1", "t")
        assert state.add_url_sources("u", ["a"], "t1") == ["a"]
    with FetchState(path) as state:
        assert state.cache_entry("u").etag == '"e1"'
        assert state.page_hash("u") == "h"
        assert state.add_url_sources("u", ["b", "a"], "t2") == ["a", "b"]
        assert state.known_urls(["u", "v"]) == {"u"}
