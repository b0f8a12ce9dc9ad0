"""Stories grouped into chunks, each named by its place and a digest of what shapes its results."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newslint import __version__
from newslint.batch.stories import Story

DEFAULT_SIZE = 50  # stories per task: enough to batch the parse, few enough to spread the work


@dataclass(frozen=True)
class Chunk:
    index: int
    stories: tuple[Story, ...]

    @property
    def name(self) -> str:
        """The chunk's file name: the same stories with the same settings always get the same one."""
        digest = hashlib.sha256(__version__.encode())
        for s in self.stories:
            fields = [s.id, hashlib.sha256(s.data).hexdigest(), repr(s.config), json.dumps(s.metadata), s.error or ""]
            digest.update(json.dumps(fields).encode())
        return f"chunk-{self.index:06d}-{digest.hexdigest()[:16]}.parquet"


def chunked(stories: Iterable[Story], size: int = DEFAULT_SIZE) -> Iterator[Chunk]:
    batch: list[Story] = []
    index = 0
    for story in stories:
        batch.append(story)
        if len(batch) == size:
            yield Chunk(index, tuple(batch))
            batch, index = [], index + 1
    if batch:
        yield Chunk(index, tuple(batch))
