"""Table storage, below every stage: atomic writes and the per-issue Parquet tables.

Every file is written to a temporary file beside its place and renamed into
it, so a run killed at any moment leaves each file whole (old or new). A table
is a folder of Parquet files, one per raw input, read back concatenated.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd


def write_atomic(path: Path, data, sync: bool = True) -> None:
    """Write text or bytes to a temporary file beside ``path`` and rename it into place.

    ``sync=False`` leaves flushing to the disk to the caller (``build`` syncs
    once before it records what it wrote).
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_umask())        # the permissions a plain open() would give
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
            f.flush()
            if sync:
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_parquet(df: pd.DataFrame, path: Path, sync: bool = True) -> None:
    """Write a DataFrame as Parquet, atomically (see ``write_atomic``)."""
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    buf = io.BytesIO()
    pq.write_table(pa.Table.from_pandas(df, preserve_index=False), buf)   # what DataFrame.to_parquet writes
    write_atomic(path, buf.getvalue(), sync)


def read_table(out_dir, name: str, columns=("article_id",)) -> pd.DataFrame:
    """One output table: its per-issue Parquet files concatenated in file order (``columns`` where there
    are none yet)."""
    files = sorted((Path(out_dir) / name).glob("*.parquet"))
    frames = [df for df in (pd.read_parquet(f) for f in files) if len(df)]
    if frames:
        return pd.concat(frames, ignore_index=True)
    return pd.DataFrame(columns=list(columns))
