"""Shared checks: parse text through a file and prove that no character was lost."""
import helpers


def parse_checked(path, **kw):
    """Parse an issue and assert that every character of the input is in the table, none twice."""
    df = helpers.parse_issue(path, **kw)
    raw = "\n".join(t for pg in helpers.read_pages(path) for _, t in pg.lines)
    report = helpers.conservation(raw, df)
    assert report["ratio"] == 1.0, f"{path}: lost {report['missing']}"
    assert not report["extra"], f"{path}: duplicated {report['extra']}"
    return df


def parse_text(tmp_path, text, name="issue.txt", encoding="utf-8", **kw):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return parse_checked(path, **kw)


def items(df):
    return df[df.kind.isin(helpers.ITEM_KINDS)].reset_index(drop=True)
