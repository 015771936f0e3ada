"""The shipped name model and its features, without the corpus."""
import pytest

from epaper import names


@pytest.mark.parametrize("text, want", [
    ("国务院总理李鹏今天在北京会见了来访的客人。", ["李鹏"]),
    ("市委书记王建华主持会议并讲话。", ["王建华"]),
    ("会议要求严格执行各项规定。", []),
])
def test_find_names(text, want):
    assert [n for _, _, n in names.find_names(text)] == want


def test_model_is_shipped_and_loads_offline():
    assert names.MODEL.exists() and names.MODEL.stat().st_size > 100_000
    assert names._tagger(str(names.MODEL)) is not None


def test_training_needs_the_corpus(tmp_path):
    with pytest.raises(Exception):
        names.train(tmp_path / "missing.txt", tmp_path / "m.crfsuite", iterations=1)
