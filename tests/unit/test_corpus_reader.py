"""The shared corpus reader turns label document ids back into text (skipped without ../shared)."""

from pathlib import Path

import pytest

from pipeline.evaluation.corpus import CorpusError, read_document, span_digest

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")


@needs_corpus
def test_reads_each_kind_of_document():
    seed = next((CORPUS.parent / "seeds").glob("000_*.txt")).name
    assert "Russia" in read_document(CORPUS, f"seed:{seed}")
    slug = sorted((CORPUS / "thinktank" / "brookings-heritage" / "text").iterdir())[0].name
    assert len(read_document(CORPUS, f"thinktank:{slug.removesuffix('.txt.gz')}")) > 500


def test_reads_a_folder_of_outside_texts(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "wire-1.txt").write_text("Moscow and Beijing signed a pact.\n", encoding="utf-8")
    assert read_document(tmp_path, "text:wire-1") == "Moscow and Beijing signed a pact.\n"


@pytest.mark.parametrize("doc_id", ["nope:x", "seed:", "seed:../../etc/passwd", "thinktank:missing",
                                    "text:missing", "text:../text/x"])
def test_bad_ids_are_refused(doc_id, tmp_path):
    with pytest.raises(CorpusError):
        read_document(tmp_path, doc_id)


def test_span_digest_is_stable():
    assert span_digest("abc") == span_digest("abc") != span_digest("abd")
