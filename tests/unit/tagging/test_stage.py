"""The tag stage compiles a taxonomy once per process and file version."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from pipeline.config import DEFAULT_TAXONOMY
from pipeline.tagging.stage import cached_lexicon


def test_the_same_file_is_compiled_once(tmp_path: Path) -> None:
    taxonomy = tmp_path / "taxonomy.yml"
    shutil.copyfile(DEFAULT_TAXONOMY, taxonomy)
    assert cached_lexicon(taxonomy) is cached_lexicon(taxonomy)


def test_an_edited_file_is_compiled_again(tmp_path: Path) -> None:
    taxonomy = tmp_path / "taxonomy.yml"
    shutil.copyfile(DEFAULT_TAXONOMY, taxonomy)
    first = cached_lexicon(taxonomy)
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    stat = taxonomy.stat()
    os.utime(taxonomy, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    second = cached_lexicon(taxonomy)
    assert second is not first
    assert second.version == first.version  # the same taxonomy, compiled anew from the new file
