"""The `sources` setting: the files the NL6xx checks compare open drafts with.

Each entry is a folder (walked for prose files) or a glob, relative to each workspace folder
unless absolute. A file is read again only when its size or modification time changes.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from pathlib import Path

from newslint.engine import Source
from newslint.errors import NewslintError
from newslint.files import read_file
from newslint.lsp.configs import WorkspaceConfigs
from newslint.sources import walk


def matching(patterns: Iterable[str], roots: Iterable[Path]) -> list[Path]:
    """The files `patterns` name under `roots` (sorted, each once)."""
    found: set[Path] = set()
    for pattern in patterns:
        bases = [Path(pattern)] if Path(pattern).is_absolute() else [root / pattern for root in roots]
        for base in bases:
            if base.is_dir():
                found.update(walk(base))
            else:
                found.update(Path(p) for p in glob.glob(str(base), recursive=True) if Path(p).is_file())
    return sorted(p.resolve() for p in found)


class SourceFiles:
    def __init__(self) -> None:
        self._read: dict[Path, tuple[tuple[int, int], Source]] = {}

    def load(
        self, patterns: Iterable[str], roots: Iterable[Path], configs: WorkspaceConfigs, draft: str
    ) -> tuple[list[Source], list[NewslintError]]:
        """The sources (less the draft itself) and the files that could not be read."""
        sources, errors = [], []
        wanted = [p for p in matching(patterns, roots) if str(p) != os.path.realpath(draft)]
        for path in wanted:
            try:
                info = path.stat()
                stamp = (info.st_size, info.st_mtime_ns)
                if path not in self._read or self._read[path][0] != stamp:
                    config, _ = configs.for_path(str(path))
                    self._read[path] = (
                        stamp,
                        Source(str(path), read_file(path, str(path), config.max_file_bytes), config),
                    )
                sources.append(self._read[path][1])
            except (NewslintError, OSError) as err:
                errors.append(err if isinstance(err, NewslintError) else NewslintError(str(path), str(err)))
        for gone in set(self._read) - set(wanted):
            del self._read[gone]
        return sources, errors
