"""Attribution (NL4xx): claims, quotes, hedges and judgements that need a named source.

Every rule reads facts from `newslint.analysis` (attributions, speakers, claims, markers,
furniture) and stays silent in headlines, captions and page debris. Text inside a direct
quotation is its speaker's, whether or not the speaker is found (NL403 reports that).
"""

from __future__ import annotations

from collections.abc import Iterator

from newslint.analysis.attributions import scope
from newslint.checks import CheckContext
from newslint.diagnostics import Diagnostic, Severity
from newslint.positions import SpanIndex
from newslint.registry import rule


def spoken(ctx: CheckContext, start: int, end: int) -> bool:
    """True when [start, end) lies inside a direct quotation: the words are the speaker's, found
    or not (NL403 reports a quotation with no speaker)."""
    return ctx.document.in_quote(start, end)


def sourced(ctx: CheckContext, start: int, end: int, named: bool, besides: int | None = None) -> bool:
    """True when an attribution covers the sentence [start, end); `named`: only non-vague sources;
    `besides`: the start of a cue that does not count (the verb a hedge qualifies: "reportedly told")."""
    covered = scope(ctx.analysis, named).covers(start, end)
    if not covered or besides is None:
        return covered
    return any(
        a.start != besides and a.covers(start, end) and not (named and (a.vague or not a.source_text))
        for a in ctx.analysis.facts("attributions")
    )


def in_furniture(ctx: CheckContext, start: int) -> bool:
    furniture = ctx.analysis.derived("furniture-index", lambda: SpanIndex(ctx.analysis.facts("furniture")))
    return furniture.covers(start, start + 1)


@rule(
    "NL401",
    "unattributed-claim",
    summary="Contested claim with no source",
    explanation="""A sentence of news copy that states as fact, with no attribution in it
    and no attribution or quote it continues: a reaction ("This move has sparked concerns"), a
    verdict ("The timing is significant"), an accusation of wrongdoing ("The contractor bribed
    two inspectors"), a prediction ("Bread prices will double by spring"), a cause ("The fire
    was started by a discarded cigarette"), someone else's intention ("The ministry intends to
    close 12 clinics"), a rate of a group with no poll or survey named ("Two in five nurses plan
    to leave the profession") or violence told with a loaded word ("Security forces fired on the
    unarmed crowd"). Whose concerns, whose verdict, who says so? Name the source or cut the
    claim. An "X said" earlier in the paragraph does not cover the next sentence. Claims whose
    holders are named ("fears among residents"), negated ("hardly unprecedented") or hedged
    ("allegedly", "could") are not reported; schedules and matters of record are not claims.
    The patterns (verbs with their subjects or objects, predicate adjectives) are in
    `rules/attribution.yaml`; `claim-kinds` selects which kinds are reported (figures are claims
    too, but not reported by default: wire copy states most of them on the record).""",
    bad="The decision has sparked concerns about the price of feed.",
    good="The farmers' union said the decision had raised concerns about the price of feed.",
    needs=("claims",),
    options={
        "claim-kinds": [
            "reaction",
            "characterisation",
            "accusation",
            "prediction",
            "cause",
            "intention",
            "statistic",
            "loaded",
        ]
    },
)
def unattributed_claim(ctx: CheckContext) -> Iterator[Diagnostic]:
    kinds = set(ctx.options["claim-kinds"])
    for claim in ctx.analysis.facts("claims"):
        if claim.attributed or not kinds & set(claim.kinds) or spoken(ctx, claim.evidence_start, claim.evidence_end):
            continue
        yield ctx.diagnostic(
            claim.evidence_start,
            claim.evidence_end,
            f"unattributed claim ('{claim.evidence}'): say who says so, or cut it",
        )


@rule(
    "NL402",
    "vague-attribution",
    summary="Vague source (experts say, it is believed)",
    explanation="""A source that identifies nobody ("experts say", "critics argue", "some
    lawmakers believe", "it is believed", "it is understood", "it has been suggested") when no
    name or affiliation follows, and no person named as a source after it, in its paragraph or
    the next, gives an example ("analysts said ...", then "..., said Ann Lee, an economist at
    the bank"). A counted body of respondents ("2,000 people surveyed said") and a named group
    are sources. A source described the same way again ("analysts said" twice) is reported
    once per document; every hidden passive source is reported. Name the expert or the
    organisation. Anonymous sourcing ("sources said", "sources close to the talks") is a
    newsroom convention with its own rules: it is reported at info severity, and not at all when
    `anonymous-sources` is false; sources described by their institution or trade ("police
    sources") are identified as far as anonymity allows. Vague sources inside a quotation belong to the speaker and are left alone.""",
    bad="Experts say the bridge will need to be replaced within ten years.",
    good="Engineers at the state transport department say the bridge will need to be replaced within ten years.",
    needs=("attributions", "furniture"),
    options={"anonymous-sources": True},
)
def vague_attribution(ctx: CheckContext) -> Iterator[Diagnostic]:
    text = ctx.document.text
    seen = set()  # the sources already reported, as described
    for a in ctx.analysis.facts("attributions"):
        if not a.vague or a.backed or in_furniture(ctx, a.start) or spoken(ctx, a.start, a.end):
            continue
        if a.anonymous and not ctx.options["anonymous-sources"]:
            continue
        if a.source_text:
            if a.source_text.lower() in seen:
                continue
            seen.add(a.source_text.lower())
        start = min(a.start, a.source_start if a.source_start is not None else a.start)
        end = max(a.end, a.source_end if a.source_end is not None else a.end)
        if a.anonymous:
            message = f"anonymous source ('{text[start:end]}'): identify it as far as the sourcing rules allow"
            yield ctx.diagnostic(start, end, message, severity=Severity.INFO)
        else:
            yield ctx.diagnostic(start, end, f"vague attribution ('{text[start:end]}'): name who says so")


@rule(
    "NL403",
    "quote-without-speaker",
    summary="Direct quotation with no speaker",
    explanation="""A direct quotation of at least `min-words` words (default 4) that reads as a
    spoken sentence (it opens with a capital and holds a verb) with no speaker anywhere a
    reader would look: its sentence and the sentences next to it ("she said"), words that
    introduce it with a colon, a name signed after a dash ("― Ann Lee"), "as X put it", a
    transcript label or an interview's answer label ("A:"), a noun that names the words as a
    saying or a motto ("an old saying that"), the paragraph before (a quote that runs on) or, for a
    paragraph with no attribution of its own, the paragraph after. Quoted terms and phrases,
    titles and chants (mostly capitalised words) and marks that pair wrongly (a closing mark
    after a blank, an inch mark after a digit, a paragraph whose marks close quotes with the
    shape of an opening one) are left alone. Say who said it.""",
    bad="The council met on Tuesday. “We will not raise taxes this year, whatever happens.”",
    good="“We will not raise taxes this year, whatever happens,” the mayor said on Tuesday.",
    needs=("speakers", "furniture"),
    options={"min-words": 4},
    bounds={"min-words": (1, None)},
)
def quote_without_speaker(ctx: CheckContext) -> Iterator[Diagnostic]:
    for q in ctx.analysis.facts("speakers"):
        if q.speaker or q.malformed or in_furniture(ctx, q.start):
            continue
        if q.sentence and q.words >= ctx.options["min-words"] and q.capitalised <= q.words / 2:
            yield ctx.diagnostic(q.start, q.end, "quotation has no speaker: say who said it")


@rule(
    "NL404",
    "editorialising-word",
    summary="Editorialising word in unattributed copy",
    explanation="""A word that passes judgement ("alarming", "brutal", "so-called", "shocking",
    "clearly", "undoubtedly") in a sentence that no source covers: the reporter's verdict, not
    news. Attribute the judgement or describe what happened. The list is `editorialising` in
    `rules/attribution.yaml`.""",
    bad="The council's alarming decision will close three libraries.",
    good="The council's decision will close three libraries, which the librarians' union called alarming.",
    severity="info",
    needs=("markers", "attributions"),
)
def editorialising_word(ctx: CheckContext) -> Iterator[Diagnostic]:
    yield from unsourced_markers(
        ctx, "editorialising", False, "'{}' passes judgement: attribute it or describe what happened"
    )


@rule(
    "NL405",
    "hedge-without-source",
    summary="'Allegedly' or 'reportedly' with no named source",
    explanation="""A hedge ("allegedly", "reportedly", "purportedly", "supposedly") in a
    sentence with no named source: alleged or reported by whom? Name the source of the
    allegation or the report. The list is `hedges` in `rules/attribution.yaml`.""",
    bad="The mayor allegedly accepted gifts from the developer.",
    good="The mayor allegedly accepted gifts from the developer, prosecutors said on Monday.",
    needs=("markers", "attributions"),
)
def hedge_without_source(ctx: CheckContext) -> Iterator[Diagnostic]:
    yield from unsourced_markers(ctx, "hedges", True, "'{}' with no named source: say who alleges or reports it")


def unsourced_markers(ctx: CheckContext, kind: str, named: bool, message: str) -> Iterator[Diagnostic]:
    for m in ctx.analysis.facts("markers"):
        if m.kind != kind or m.cited or spoken(ctx, m.start, m.end):
            continue
        if sourced(ctx, m.sentence_start, m.sentence_end, named, m.qualifies):
            continue
        yield ctx.diagnostic(m.start, m.end, message.format(m.text))
