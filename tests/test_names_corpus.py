"""Name recognition measured on the People's Daily evaluation days (skipped where the corpus is absent).

The model was trained on 1998-01-01 … 01-21 only; 01-22 … 01-31 are held out.
"""
import pytest

from conftest import PFR
from epaper import names

pytestmark = pytest.mark.skipif(not PFR.exists(), reason=f"the People's Daily corpus is not at {PFR}")


def test_name_recognition_on_evaluation_days():
    r = names.evaluate(PFR, system="full")
    assert r["articles"] > 900 and r["gold"] > 5000
    assert r["precision"] >= 0.93 and r["recall"] >= 0.93, r


def test_building_and_evaluation_days_do_not_overlap():
    assert names.BUILD_DAYS[1] < names.EVAL_DAYS[0]
