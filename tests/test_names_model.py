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


def _texts():
    from pathlib import Path

    from epaper import pfr
    here = Path(__file__).parent
    texts = list(pfr.read_pfr(here / "fixtures" / "pd_excerpt.txt").body)
    texts += [p.read_text(encoding="utf-8") for p in sorted((here.parent / "data" / "raw").glob("*.txt"))]
    # edges of the decoder: empty, one character, no end mark, runs of end marks, ASCII 'S' before a name
    texts += ["", "王", "王伟", "。。王伟说。；\n\n", "S王伟说", "^^王伟$$说", "王伟" * 500]
    return texts


def test_compiled_decoder_tags_exactly_as_crfsuite():
    """The compiled decoder is the same model: every name and position as python-crfsuite finds them."""
    assert names._fast(str(names.MODEL)) is not None, "numba is in the requirements"
    total = 0
    for text in _texts():
        fast = names.find_names(text)
        assert fast == names.find_names_crfsuite(text), text[:40]
        total += len(fast)
    assert total > 50


def test_decoder_arrays_are_cached_and_load_to_the_same_tags(tmp_path, monkeypatch):
    from epaper import paths, tagger

    monkeypatch.setattr(paths, "CACHE", tmp_path / "cache")
    names._fast.cache_clear()
    try:
        built = names._fast(str(names.MODEL))
        stored = list((tmp_path / "cache").glob("names-*.npz"))
        assert len(stored) == 1
        names._fast.cache_clear()
        loaded = names._fast(str(names.MODEL))
        assert loaded is not built
        for text in _texts()[:20]:
            assert (tagger.tag(loaded, text) == tagger.tag(built, text)).all()
    finally:
        names._fast.cache_clear()


def test_names_in_many_texts_at_once_are_those_of_each_text():
    texts = _texts()[:30] + ["", "王伟", "市委书记王建华主持会议并讲话", "\n王伟说\n"]
    assert names.find_names_in(texts) == [names.find_names(t) for t in texts]
    assert names.find_names_in([]) == []
