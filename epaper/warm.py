"""Imported by the build's process server: the pipeline and the name model, loaded once for every worker."""
from . import build, names, people, topics  # noqa: F401

try:
    names.warm()
except Exception:          # pragma: no cover - the server must start; the worker that needs the model reports
    pass
