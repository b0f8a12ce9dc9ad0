"""The stories of an archive: files in folders, glob patterns, JSON Lines or Parquet files.

A JSON Lines or Parquet archive holds one story per record: `text`, an optional `id` (else
the archive's name and the record's number), an optional `date` and any other fields, kept as
the story's metadata. A story that cannot be read carries the reason instead of its text.
"""

from __future__ import annotations

import glob
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslint.config import Config, ConfigResolver
from newslint.engine import display_path
from newslint.errors import NewslintError
from newslint.sources import read_file, walk

RECORD_SUFFIXES = {".jsonl", ".ndjson", ".parquet"}


@dataclass(frozen=True)
class Story:
    id: str
    data: bytes
    config: Config
    metadata: dict[str, str] = field(default_factory=dict)
    error: str | None = None  # why the story could not be read


@dataclass(frozen=True)
class Settings:
    """What shapes every story's configuration: discovery or --config, then --select/--ignore."""

    resolver: ConfigResolver
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def config_for(self, path: Path) -> Config:
        return self.resolver.for_path(path).with_overrides(self.select, self.ignore, None)


def stories(inputs: Sequence[str], settings: Settings) -> Iterator[Story]:
    """Every story of `inputs`, in order; a path that names nothing is an error."""
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            files = walk(path)
        elif path.exists():
            files = [path]
        else:
            files = [Path(p) for p in sorted(glob.glob(given, recursive=True)) if Path(p).is_file()]
            if not files:
                raise NewslintError(given, "no such file or folder, and no file matches it as a pattern")
        for file in files:
            yield from (
                records(file, settings) if file.suffix.lower() in RECORD_SUFFIXES else [from_file(file, settings)]
            )


def from_file(file: Path, settings: Settings) -> Story:
    shown = display_path(file)
    config = settings.config_for(file)
    try:
        return Story(shown, read_file(file, shown, config.max_file_bytes), config)
    except NewslintError as err:
        return Story(shown, b"", config, error=err.problem)


def records(file: Path, settings: Settings) -> Iterator[Story]:
    """The stories of a JSON Lines or Parquet archive, each record's problems named with its number."""
    shown = display_path(file)
    config = settings.config_for(file)
    rows = parquet_rows(file, shown) if file.suffix.lower() == ".parquet" else json_rows(file, shown)
    for number, row in rows:
        where = f"{shown}:{number}"
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            yield Story(where, b"", config, error="not a story: a record needs a `text` string")
            continue
        fields = {k: v if isinstance(v, str) else json.dumps(v, default=str) for k, v in row.items() if k != "text"}
        story_id = fields.pop("id", None) or where
        yield Story(story_id, row["text"].encode("utf-8"), config, fields)


def json_rows(file: Path, shown: str) -> Iterator[tuple[int, Any]]:
    try:
        with file.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if line.strip():
                    yield number, parsed(line)
    except (OSError, UnicodeDecodeError) as err:
        raise NewslintError(shown, f"cannot read the archive: {err}") from None


def parsed(line: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError:
        return None


def parquet_rows(file: Path, shown: str) -> Iterator[tuple[int, Any]]:
    import pyarrow.parquet as pq

    try:
        archive = pq.ParquetFile(file)
        number = 0
        for batch in archive.iter_batches(batch_size=1024):
            for row in batch.to_pylist():
                number += 1
                yield number, row
    except (OSError, ValueError) as err:  # pyarrow's errors derive from these
        raise NewslintError(shown, f"cannot read the Parquet archive: {err}") from None
