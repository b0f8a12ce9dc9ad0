"""Chunk files: one Parquet table per chunk, a row per finding, written atomically.

Each row holds the flat fields to query (story id, code, category, severity, line, column)
and the finding as `--format json` gives it. The file's metadata counts the chunk's stories
and words and lists the stories that could not be read or checked, so totals need no texts.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from newslint.diagnostics import FileResult
from newslint.formats import sorted_diagnostics
from newslint.formats.json_format import diagnostic_json

META_KEY = b"newslint"
PARTIAL = ".partial"  # the suffix of a file being written; a killed writer leaves only this


@dataclass
class ChunkTotals:
    stories: int = 0
    words: int = 0
    errors: list[str] = field(default_factory=list)


def schema():
    import pyarrow as pa

    text, number = pa.string(), pa.int32()
    names = ("id", "code", "rule", "category", "severity", "message", "line", "column", "end_line", "end_column")
    kinds = (text,) * 6 + (number,) * 4
    return pa.schema([*(pa.field(n, k) for n, k in zip(names, kinds)), pa.field("finding", text)])


def rows(results: list[FileResult]) -> list[dict]:
    found = []
    for document, d in sorted_diagnostics(results):
        item = diagnostic_json(document, d)
        start, end = item["range"]["start"], item["range"]["end"]
        flat = {key: item[key] for key in ("code", "rule", "category", "severity", "message")}
        found.append(
            {
                "id": document.path,
                **flat,
                "line": start["line"],
                "column": start["column"],
                "end_line": end["line"],
                "end_column": end["column"],
                "finding": json.dumps(item, ensure_ascii=False),
            }
        )
    return found


def write_chunk(target: Path, results: list[FileResult], totals: ChunkTotals) -> None:
    """Write the chunk's table beside `target`, then rename it into place: never a partial file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    meta = {META_KEY: json.dumps(totals.__dict__).encode()}
    table = pa.Table.from_pylist(rows(results), schema=schema().with_metadata(meta))
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex}{PARTIAL}")
    try:
        pq.write_table(table, partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def read_totals(path: Path) -> ChunkTotals:
    import pyarrow.parquet as pq

    return ChunkTotals(**json.loads(pq.read_schema(path).metadata[META_KEY]))


def read_findings(path: Path, columns: list[str]) -> dict[str, list]:
    import pyarrow.parquet as pq

    return pq.read_table(path, columns=columns).to_pydict()


def remove_partials(folder: Path) -> None:
    """Remove what killed writers left in `folder`."""
    for partial in folder.glob(f".chunk-*{PARTIAL}"):
        partial.unlink(missing_ok=True)
