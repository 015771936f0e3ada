import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = ROOT / "data" / "raw" / "000_75661ba705b5605c.txt"
PFR = ROOT.parent / "shared" / "corpora" / "pd199801" / "199801.txt"


@pytest.fixture(scope="session")
def gold():
    return json.loads((FIXTURES / "sample.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def sample_table():
    import helpers
    return helpers.parse_issue(SAMPLE)
