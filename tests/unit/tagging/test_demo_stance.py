"""The demo's Russian and Chinese articles attribute or reject the alliance labels: their framings
must come out distanced or contested, as ``pipeline/demo/expected.yml`` labels them."""

import pytest
import trafilatura
import yaml

from pipeline.demo import DEMO_DIR
from pipeline.tagging.tagger import tag_text

EXPECTED = yaml.safe_load((DEMO_DIR / "expected.yml").read_text(encoding="utf-8"))["articles"]
LABELLED = [a for a in EXPECTED if "stances" in a]


def test_every_russian_and_chinese_article_has_stance_labels():
    assert {a["path"] for a in LABELLED} == {a["path"] for a in EXPECTED if a["lang"] in ("ru", "zh") and a["framings"]}


@pytest.mark.parametrize("article", LABELLED, ids=[a["path"].rsplit("/", 1)[-1] for a in LABELLED])
def test_attributed_labels_are_not_asserted(article, lexicon):
    html = (DEMO_DIR / "site" / article["path"].lstrip("/")).read_text(encoding="utf-8")
    text = trafilatura.extract(html, include_comments=False)
    got: dict[str, list[str]] = {}
    for framing in tag_text(text, article["lang"], lexicon).framings:
        got.setdefault(framing.label, []).append(framing.stance)
    assert got == article["stances"]
    assert "asserted" not in {s for stances in got.values() for s in stances}
