"""Every path the project uses, defined in one place.

``EPAPER_PROCESSED`` and ``EPAPER_FIGURES`` in the environment move the derived
tables and the figures elsewhere (the benchmark uses this to run the
notebooks on its own corpus without touching the project's outputs).
"""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
RAW = DATA / "raw"                 # issues as received; never edited by code
PROCESSED = Path(os.environ.get("EPAPER_PROCESSED") or DATA / "processed")   # derived tables, rebuilt by `build`
LEXICONS = DATA / "lexicons"       # editable word lists
MODELS = DATA / "models"           # the trained models: person names, line labels
MANIFEST = RAW / "issues.csv"      # optional: file, newspaper, date for raw files whose names say neither
ARTICLES = PROCESSED / "articles"     # one Parquet file per raw issue: <raw file name>.parquet
PEOPLE = PROCESSED / "people"
TOPICS = PROCESSED / "topics"
ISSUES = PROCESSED / "issues"
NETWORK = PROCESSED / "network"
CACHE = PROCESSED / "cache"          # derived helpers of the name model (arrays, word list); rebuilt when missing
ROSTER = DATA / "officials.csv"     # the researcher's roster of officials (optional)
PROBLEMS = PROCESSED / "problems.csv"
EXECUTED_NOTEBOOKS = PROCESSED / "notebooks"
FIGURES = Path(os.environ.get("EPAPER_FIGURES") or ROOT / "figures")
NOTEBOOKS = ROOT / "notebooks"
