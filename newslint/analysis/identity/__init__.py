"""Identity: when two mentions name one place, person or organisation.

One module for the single-document rules (NL2xx) and cross-source alignment (NL6xx) alike:
same-entity tests on folded spellings (`spelling`), the mentions rules look at and their
counterparts in other documents (`mentions`), and the identity facts of one document that
the place and name rules report (`places`, `people`).
"""

from newslint.analysis.identity.house_dictionary import house_names
from newslint.analysis.identity.mentions import checked, name_counterparts, place_counterparts, prose_mentions
from newslint.analysis.identity.name_words import same_person
from newslint.analysis.identity.people import name_variants
from newslint.analysis.identity.places import (
    Replacement,
    Variant,
    house_style_uses,
    misspelled_places,
    place_variants,
)
from newslint.analysis.identity.spelling import (
    closest,
    name_form,
    name_spelling,
    place_form,
    same_place,
)

__all__ = [
    "Replacement",
    "Variant",
    "checked",
    "closest",
    "house_names",
    "house_style_uses",
    "misspelled_places",
    "name_counterparts",
    "name_form",
    "name_spelling",
    "name_variants",
    "place_counterparts",
    "place_form",
    "place_variants",
    "prose_mentions",
    "same_person",
    "same_place",
]
