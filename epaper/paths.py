"""Every path the project uses, defined in one place."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
RAW = DATA / "raw"                 # issues as received; never edited by code
PROCESSED = DATA / "processed"     # derived tables (Parquet), rebuilt by `python helpers.py build`
LEXICONS = DATA / "lexicons"       # editable word lists
MANIFEST = RAW / "issues.csv"      # optional: file, newspaper, date for raw files whose names say neither
ARTICLES = PROCESSED / "articles.parquet"
PEOPLE = PROCESSED / "people.parquet"
TOPICS = PROCESSED / "topics.parquet"
NETWORK = PROCESSED / "network"
ROSTER = DATA / "officials.csv"     # the researcher's roster of officials (optional)
PROBLEMS = PROCESSED / "problems.csv"
EXECUTED_NOTEBOOKS = PROCESSED / "notebooks"
FIGURES = ROOT / "figures"
NOTEBOOKS = ROOT / "notebooks"
