from pipeline.models import Article, Comment, read_jsonl, read_parquet, write_jsonl, write_parquet


def _article(i: int) -> Article:
    return Article(article_id=f"a{i}", url=f"http://x/{i}", canonical_url=f"http://x/{i}",
                   source_ids=["s1", "s2"], title=None, authors=[], published_at=None,
                   site_name=None, text="body " * 50)


def test_parquet_round_trip_keeps_lists_and_nulls(tmp_path):
    path = tmp_path / "a.parquet"
    assert write_parquet(path, [_article(1), _article(2)], Article) == 2
    back = read_parquet(path, Article)
    assert back == [_article(1), _article(2)]
    assert back[0].source_ids == ["s1", "s2"] and back[0].title is None


def test_empty_parquet_still_has_the_schema(tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "c.parquet"
    assert write_parquet(path, [], Comment) == 0
    names = pq.read_schema(path).names
    assert names[:3] == ["comment_id", "article_id", "position"]


def test_jsonl_round_trip(tmp_path):
    path = tmp_path / "x.jsonl"
    write_jsonl(path, [_article(3)])
    assert list(read_jsonl(path, Article)) == [_article(3)]
    assert not path.with_suffix(".jsonl.tmp").exists()
