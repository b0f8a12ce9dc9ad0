"""Units (NL1xx): wrong and over-precise conversions, conflicting and ambiguous units.

The checks read the "quantities" and "conversions" facts; unit arithmetic is pint's.
"""

from __future__ import annotations

from collections.abc import Iterator

from newslint.checks import CheckContext
from newslint.diagnostics import Diagnostic, Related
from newslint.registry import rule

PAIR_FORMS = ["parentheses", "or", "slash"]
SYSTEMS = ("metric", "imperial", "metric-first", "imperial-first")


def conversions(ctx: CheckContext) -> list:
    forms = set(ctx.options["pair-forms"])
    return [c for c in ctx.analysis.facts("conversions") if c.form in forms]


def exact_value(c, units: tuple[str, str]) -> float:
    from newslint.analysis.quantities.convert import convert

    return convert(c.source.value, units[0], units[1], c.source.is_difference or c.target.is_difference)


@rule(
    "NL101",
    "wrong-conversion",
    summary="Unit conversion that does not match its source",
    explanation="""In "X unit (Y unit)", "X unit, or Y unit," and "X unit/Y unit" the second
    quantity should be the first one converted. It is reported when the number written is
    further from the exact conversion than the relative `tolerance` (default 0.02) and than the
    rounding the writer's precision allows: "30 ft (10 m)" passes, since "30" may be rounded,
    but "290 km (290 miles)" and "100 °F (48 °C)" do not. Temperatures convert with their
    offsets; temperature differences ("rose by 10 °C (18 °F)") convert without. For units of
    uncertain size (tons, gallons) any reading that fits is accepted. `pair-forms` chooses
    which of the forms `parentheses`, `or` and `slash` count as conversions.""",
    bad="The depot is about 290 km (290 miles) from the border.",
    good="The depot is about 290 kilometres (180 miles) from the border.",
    severity="error",
    needs=("conversions",),
    options={"tolerance": 0.02, "pair-forms": PAIR_FORMS},
    bounds={"tolerance": (0, 1)},
)
def wrong_conversion(ctx: CheckContext) -> Iterator[Diagnostic]:
    from newslint.analysis.quantities.convert import agreeing_units, allowed_figures, render

    for c in conversions(ctx):
        if agreeing_units(c.source, c.target, ctx.options["tolerance"]) is None:
            units = (c.source.variants or (c.source.unit,))[0], (c.target.variants or (c.target.unit,))[0]
            expected = render(exact_value(c, units), max(2, allowed_figures(c.source)), False)
            yield ctx.diagnostic(
                c.target.start,
                c.target.end,
                f"'{c.target.text}' is not a conversion of '{c.source.text}', which is about {expected} "
                f"{c.target.unit_text}",
                related=(Related(ctx.document, c.source.start, c.source.end, "the value converted"),),
            )


@rule(
    "NL102",
    "false-precision",
    summary="Converted value more precise than its source",
    explanation="""A conversion cannot be more precise than the value it converts: "about 290
    kilometres (180.198 miles)" claims a precision to the yard that the source never had. It
    is reported when the converted number has more significant figures than the source by more
    than `precision-slack` (default 1); after "about" or "nearly" the source counts only its
    surely significant figures. The fix writes the conversion rounded to the source's
    precision, and to at least two figures (not offered inside a direct quotation).""",
    bad="The depot is about 290 kilometers (180.198 miles) from the border.",
    good="The depot is about 290 kilometers (180 miles) from the border.",
    fixable=True,
    needs=("conversions",),
    options={"tolerance": 0.02, "pair-forms": PAIR_FORMS, "precision-slack": 1},
    bounds={"tolerance": (0, 1), "precision-slack": (0, None)},
)
def false_precision(ctx: CheckContext) -> Iterator[Diagnostic]:
    from newslint.analysis.quantities.convert import agreeing_units, allowed_figures, render

    for c in conversions(ctx):
        units = agreeing_units(c.source, c.target, ctx.options["tolerance"])
        allowed = allowed_figures(c.source)
        if units is None or c.target.significant_figures <= allowed + ctx.options["precision-slack"]:
            continue
        rounded = render(exact_value(c, units), max(2, allowed), "," in c.target_number)
        fix = None
        if c.target_digits and not ctx.analysis.document.in_quote(c.target.start, c.target.end):
            fix = ctx.replacement(c.target.start, c.target.start + len(c.target_number), rounded, f"round to {rounded}")
        yield ctx.diagnostic(
            c.target.start,
            c.target.end,
            f"'{c.target.text}' has {c.target.significant_figures} significant figures but converts "
            f"'{c.source.text}', which has {allowed}; write {rounded}",
            fix=fix,
            related=(Related(ctx.document, c.source.start, c.source.end, "the value converted"),),
        )


@rule(
    "NL103",
    "conflicting-units",
    summary="Same number given in two different units",
    explanation="""The same number appears in one document with two units of one dimension
    ("290 kilometers" ... "290 miles") that are not a conversion of each other: one of them is
    probably a slip made while converting. Round numbers are common enough to coincide, so only
    numbers with at least `min-significant-figures` (default 2) significant figures count, and
    only units close enough in size to be confused (kilometres and miles, not inches and feet);
    the converted half of "X unit (Y unit)" is left to NL101 and NL102.""",
    bad="The depot is 290 kilometers from the border. Trains carried the containers the 290 miles to the depot.",
    good="The depot is 290 kilometers from the border. Trains carried the containers the 290 kilometres to the depot.",
    needs=("quantities", "conversions"),
    options={"min-significant-figures": 2},
    bounds={"min-significant-figures": (1, None)},
)
def conflicting_units(ctx: CheckContext) -> Iterator[Diagnostic]:
    from newslint.analysis.quantities.convert import comparable

    converted = {c.target for c in ctx.analysis.facts("conversions")}
    first_seen: dict[tuple, object] = {}
    for q in ctx.analysis.facts("quantities"):
        if q.significant_figures < ctx.options["min-significant-figures"] or q in converted:
            continue
        earlier = first_seen.setdefault((q.low, q.high, q.dimension), q)
        if earlier.unit != q.unit and comparable(earlier.unit, q.unit, q.dimension):
            yield ctx.diagnostic(
                q.start,
                q.end,
                f"'{q.text}' gives the same number as '{earlier.text}' in another unit; one of them is probably wrong",
                related=(Related(ctx.document, earlier.start, earlier.end, f"the same number as {earlier.text}"),),
            )


@rule(
    "NL104",
    "house-unit-system",
    summary="Unit system against house style",
    explanation="""Checks units against the house `system`: `metric` (no imperial units),
    `imperial` (no metric units), `metric-first` (imperial only as a conversion after a metric
    value, as in "290 km (180 miles)") or `imperial-first` (the reverse). Units used everywhere
    (knots, nautical miles, barrels) are never reported, nor are direct quotations. Off by
    default: house styles differ.""",
    bad="The storm brought winds of 60 mph to the coast.",
    good="The storm brought winds of 100 km/h (60 mph) to the coast.",
    enabled=False,
    needs=("quantities", "conversions"),
    options={"system": "metric-first"},
    choices={"system": SYSTEMS},
)
def house_unit_system(ctx: CheckContext) -> Iterator[Diagnostic]:
    system = ctx.options["system"]
    preferred = "imperial" if system.startswith("imperial") else "metric"
    other = "metric" if preferred == "imperial" else "imperial"
    as_conversion = {c.target: c.source for c in ctx.analysis.facts("conversions")}
    for q in ctx.analysis.facts("quantities"):
        source = as_conversion.get(q)
        if ctx.analysis.document.in_quote(q.start, q.end):
            continue
        if q.system == other and not (system.endswith("-first") and source is not None and source.system == preferred):
            how = f"give the {preferred} value first" if system.endswith("-first") else f"use {preferred} units"
            yield ctx.diagnostic(q.start, q.end, f"'{q.text}' is {other}; house style is {system}: {how}")


@rule(
    "NL105",
    "ambiguous-unit",
    summary="Unit whose size the text leaves open",
    explanation="""Tons (short, long or metric), gallons (US or imperial) and degrees with no
    temperature scale mean different amounts to different readers. Say which, or give a
    conversion: a quantity followed by its conversion is not reported, nor is one inside a
    direct quotation, nor a unit of sale ("$3 a gallon"). Bare degrees in a document that
    names one temperature scale elsewhere take that scale. The units counted as ambiguous are listed in `rules/units.yaml`.""",
    bad="The ship carried 40,000 tons of grain.",
    good="The ship carried 40,000 tonnes of grain.",
    severity="info",
    needs=("quantities", "conversions"),
)
def ambiguous_unit(ctx: CheckContext) -> Iterator[Diagnostic]:
    converted = {q for c in ctx.analysis.facts("conversions") for q in (c.source, c.target)}
    for q in ctx.analysis.facts("quantities"):
        if (
            q.ambiguity
            and q not in converted
            and not q.unit_of_sale
            and not ctx.analysis.document.in_quote(q.start, q.end)
        ):
            yield ctx.diagnostic(q.start, q.end, f"'{q.text}': {q.ambiguity}")
