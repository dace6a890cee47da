"""Shared fixtures: a tiny self-written actor base and gazetteer, so tests do not move when the real data grows."""
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def mini_pipeline():
    from marsad.pipeline import Pipeline

    return Pipeline(actor_dir=FIXTURES / "actors", gazetteer=FIXTURES / "places" / "mini.tsv")
