from pipeline.explorer.evidence import group_evidence, mark_spans


def test_mark_spans_marks_each_occurrence_once_and_escapes():
    assert mark_spans("Russia & Russia's <ally> China", ["Russia", "China", "Russia"]) == (
        "<mark>Russia</mark> &amp; <mark>Russia</mark>&#x27;s &lt;ally&gt; <mark>China</mark>")


def test_overlapping_spans_keep_the_longer_one():
    assert mark_spans("North Korea", ["Korea", "North Korea"]) == "<mark>North Korea</mark>"


def row(doc_id, sentence, surface, tag, kind="article", targets=None):
    return {"doc_id": doc_id, "doc_kind": kind, "sentence": sentence, "surface": surface,
            "tag": tag, "target_members": targets}


def test_rows_group_by_document_then_sentence():
    docs = group_evidence([
        row("a", "Moscow and Beijing met.", "Moscow", "RU"),
        row("a", "Moscow and Beijing met.", "Beijing", "CN"),
        row("a", "Tehran watched.", "Tehran", "IR"),
        row("a-0001", "Moscow again.", "Moscow", "RU", kind="comment"),
        row("b", "A so-called bloc.", "bloc", "bloc · distanced", targets=["CN", "RU"]),
    ])
    assert [(d.row["doc_id"], len(d.sentences)) for d in docs] == [("a", 2), ("a-0001", 1), ("b", 1)]
    first = docs[0].sentences[0]
    assert first.tags == ["RU", "CN"]
    assert first.html() == "<mark>Moscow</mark> and <mark>Beijing</mark> met."
    assert docs[2].sentences[0].targets == ["CN", "RU"]
