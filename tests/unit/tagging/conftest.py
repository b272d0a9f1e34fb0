"""The compiled default taxonomy, shared by the tagging tests."""

import pytest

from pipeline.config import DEFAULT_TAXONOMY
from pipeline.tagging.lexicon import Lexicon, load_lexicon


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return load_lexicon(DEFAULT_TAXONOMY)
