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


def test_render_comments_is_off_unless_a_source_asks():
    base = {"id": "a", "name": "A", "feed_url": "https://a.example/feed", "type": "news"}
    plain, rendered = parse_sources({"sources": [base, {**base, "id": "b", "render_comments": True}]})
    assert (plain.render_comments, rendered.render_comments) == (False, True)
    with pytest.raises(SourceConfigError, match="'render_comments' must be true or false"):
        parse_sources({"sources": [{**base, "render_comments": "yes"}]})
