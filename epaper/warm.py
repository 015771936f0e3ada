"""Imported by the build's process server: the pipeline and the name model, loaded once for every worker."""
from . import build, names, people, topics  # noqa: F401

try:
    names.find_names("市委书记王建华主持会议。")
except Exception:          # pragma: no cover - a missing model is reported by the worker that needs it
    pass
