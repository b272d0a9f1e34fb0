import pytest

from pipeline.sources import SourceConfigError, enabled_sources, parse_sources


def test_parse_substitutes_placeholders_and_defaults():
    sources = parse_sources({"sources": [
        {"id": "a", "name": "A", "feed_url": "{{BASE}}/feed.xml", "type": "news"},
        {"id": "b", "name": "B", "feed_url": "https://b.example/rss", "type": "think_tank",
         "enabled": False, "comments": True, "language": "ru"},
    ]}, {"BASE": "http://127.0.0.1:9"})
    assert sources[0].feed_url == "http://127.0.0.1:9/feed.xml"
    assert sources[0].language == "en" and sources[0].enabled
    assert [s.id for s in enabled_sources(sources)] == ["a"]


@pytest.mark.parametrize("data, message", [
    ({}, "top-level 'sources:'"),
    ({"sources": [{"id": "a", "name": "A", "type": "news"}]}, "missing required key 'feed_url'"),
    ({"sources": [{"id": "a", "name": "A", "feed_url": "u", "type": "blog"}]}, "type must be one of"),
    ({"sources": [{"id": "a", "name": "A", "feed_url": "u", "type": "news"}] * 2}, "duplicate source id"),
])
def test_bad_registry_gets_a_clear_message(data, message):
    with pytest.raises(SourceConfigError, match=message):
        parse_sources(data)


def test_yaml_booleans_in_text_fields_get_a_clear_message():
    with pytest.raises(SourceConfigError, match="'id' must be text; quote the value"):
        parse_sources({"sources": [{"id": False, "name": "A", "feed_url": "u", "type": "news"}]})
    with pytest.raises(SourceConfigError, match="'comments' must be true or false"):
        parse_sources({"sources": [{"id": "a", "name": "A", "feed_url": "u", "type": "news",
                                    "comments": "yes please"}]})


@pytest.mark.parametrize("bad", ["../../x", "News", "a b", "a/b", "a-b", ""])
def test_a_source_id_outside_lowercase_digits_and_underscores_is_refused(bad):
    with pytest.raises(SourceConfigError, match="source id|missing required key 'id'"):
        parse_sources({"sources": [{"id": bad, "name": "A", "feed_url": "u", "type": "news"}]})


def test_a_bad_registry_file_is_one_error_naming_the_file(tmp_path):
    from pipeline.sources import load_sources

    path = tmp_path / "s.yml"
    path.write_text("sources:\n  - id: ../../x\n    name: X\n    feed_url: u\n    type: news\n")
    with pytest.raises(SourceConfigError, match=f"{path}: sources\\[0\\]: source id '../../x'"):
        load_sources(path)
    with pytest.raises(SourceConfigError, match="cannot read the sources file"):
        load_sources(tmp_path / "missing.yml")
    path.write_text("sources: [unclosed\n")
    with pytest.raises(SourceConfigError, match="cannot read the sources file"):
        load_sources(path)


def test_a_fan_out_part_never_leaves_its_batch(tmp_path):
    from pipeline.batch import BatchPaths
    from pipeline.fanout import source_paths

    batch = BatchPaths(tmp_path / "runs" / "b1")
    assert source_paths(batch, "ledger").root == batch.root / "sources" / "ledger"
    with pytest.raises(SourceConfigError, match="not a source id"):
        source_paths(batch, "../../x")
