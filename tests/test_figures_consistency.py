"""NL302 beyond its fixture (tests/fixtures/figures/NL302.yaml): the related location."""

from __future__ import annotations

from tests.conftest import lint


def test_drift_is_reported_at_the_bare_figure_with_related_location():
    text = "North Korea sent more than 1,000 containers.\n\nNorth Korea sent 1,000 containers, officials said."
    (d,) = lint(text, "NL302")
    assert text[d.start : d.end] == "1,000" and d.start > text.index("\n")
    assert d.related and text[d.related[0].start : d.related[0].end] == "1,000"
