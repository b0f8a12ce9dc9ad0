"""The language server under one-paragraph edits of a 2,000-word draft (corpus paragraphs).

    python benchmarks/lsp.py [--edits 1000] [--timed 50] [--cache 256] [--typing]

Starts `newslint server` as a subprocess (debounce 0, so the debounce is excluded), opens a
draft built at run time from BBC paragraphs of ../shared/corpus, then replaces one paragraph
per edit (incremental sync) and reports, for the first `--timed` edits, the time from sending
`didChange` to receiving its `publishDiagnostics` (median and p95), its ratio to a from-scratch
lint of the same text (a fresh engine in this process, model already loaded), and the server's
resident memory after 50 edits, a quarter, half and all of them. Every edit brings a paragraph
the server has not seen, so the analysis cache (`cacheParagraphs`, here `--cache` paragraphs)
is full after about that many edits: from then on memory must stay flat. With `--typing` each
edit instead types the next word of the corpus over the middle word of a paragraph, as a writer
revising does: the paragraph changes, but most of its words and sentences do not.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc_news_2004_2005"
sys.path.insert(0, str(ROOT))
DRAFT_WORDS = 2000


def paragraphs() -> list[str]:
    """Every BBC article's paragraphs, without the SOURCE header."""
    found = []
    for path in sorted(CORPUS.glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n\n", 1)[-1]
        found += [p.strip().replace("\n", " ") for p in body.split("\n\n") if len(p.split()) >= 20]
    return found


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def replacement(current: list[str], index: int, version: int, pool: list[str], typing: bool) -> str:
    """The paragraph `index` after edit `version`: a paragraph of the pool not seen before, or
    with `typing` the paragraph with its middle word typed over with the pool's next word (the
    draft keeps its length)."""
    if not typing:
        return pool[version % len(pool)] + ("" if version < len(pool) else f" ({version})")
    words, source = current[index].split(" "), pool[version // 40 % len(pool)].split(" ")
    typed = source[version % len(source)].lower().strip(".,;:\"'")
    middle = len(words) // 2
    return " ".join([*words[:middle], typed, *words[middle + 1 :]])


async def drive(
    draft: list[str], pool: list[str], edits: int, timed: int, cache: int, typing: bool
) -> tuple[list[float], dict[int, float], str]:
    client = LanguageClient("newslint-benchmark", "1")
    arrived: dict[int, float] = {}
    event = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        arrived[params.version] = time.perf_counter()
        event.set()

    async def until(version: int) -> None:
        while version not in arrived:
            event.clear()
            await asyncio.wait_for(event.wait(), 600)

    await client.start_io(sys.executable, "-m", "newslint", "server", cwd=str(ROOT))
    pid = client._server.pid
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            initialization_options={"newslint": {"debounce": 0, "cacheParagraphs": cache}},
        )
    )
    client.initialized(types.InitializedParams())
    uri = (ROOT / "benchmark-draft.txt").as_uri()
    text = "\n\n".join(draft) + "\n"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=0, text=text)
        )
    )
    await until(0)
    latencies, memory = [], {}
    current = list(draft)
    for version in range(1, edits + 1):
        index = (version * 7) % len(current)  # a different paragraph each time
        new = replacement(current, index, version, pool, typing)
        line = 2 * index  # paragraphs are one line each, with a blank line between
        change = types.TextDocumentContentChangePartial(
            range=types.Range(
                start=types.Position(line=line, character=0), end=types.Position(line=line + 1, character=0)
            ),
            text=new + "\n",
        )
        current[index] = new
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[change],
            )
        )
        await until(version)
        if version <= timed:
            latencies.append(arrived[version] - sent)
        if version in (50, edits // 4, edits // 2, edits):
            memory[version] = rss_mb(pid)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return latencies, memory, "\n\n".join(current) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=1000, help="edits in all (memory is read after them)")
    parser.add_argument("--timed", type=int, default=50, help="edits whose latency is reported")
    parser.add_argument("--cache", type=int, default=256, help="the server's cacheParagraphs setting")
    parser.add_argument("--typing", action="store_true", help="type a word into a paragraph per edit")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"needs the shared corpus at {CORPUS}")
    every = paragraphs()
    draft, words = [], 0
    for p in every:
        if words >= DRAFT_WORDS:
            break
        draft.append(p)
        words += len(p.split())
    pool = every[len(draft) :]
    latencies, memory, final = asyncio.run(
        drive(draft, pool, max(args.edits, args.timed), args.timed, args.cache, args.typing)
    )

    from newslint.analysis import Analyzer
    from newslint.config import Config
    from newslint.engine import Linter, Source

    Linter().lint([Source("warm-up.txt", final.encode(), Config())])  # the model loads here, not below
    scratch = []
    for _ in range(3):
        started = time.perf_counter()
        Linter(Analyzer()).lint([Source("draft.txt", final.encode(), Config())])
        scratch.append(time.perf_counter() - started)
    median, p95, fresh = statistics.median(latencies), percentile(latencies, 0.95), statistics.median(scratch)
    kind = "typed words" if args.typing else "one-paragraph edits"
    print(f"draft: {words} words in {len(draft)} paragraphs; {max(args.edits, args.timed)} {kind}")
    print(
        f"didChange -> publishDiagnostics over {len(latencies)} edits: median {median * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"
    )
    print(f"from-scratch lint of the same text: {fresh * 1000:.0f} ms; edit / scratch = {median / fresh:.2f} (median)")
    print(
        f"server memory (RSS, cache of {args.cache} paragraphs): "
        + ", ".join(f"{mb:.0f} MB after {n} edits" for n, mb in sorted(memory.items()))
    )


if __name__ == "__main__":
    main()
