"""The quick scans of `find_mentions` find what the long way found.

Three patterns of `indexer.extract.people` open with what the regex engine can scan for
instead of trying them at every position of a text: the case-insensitive ones (« le
président de la République », an alias that is a function) with their first letter as a
class before their lookbehind, and the titles before a surname (« le pédopsychiatre Rufo »)
looked for by one search again from each next character. These tests put each beside the
pattern it stands for, on texts made of the pieces where they could part.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.extract.names import Aliases
from indexer.extract.people import (
    _PRESIDENT,
    _TITLED_SURNAME,
    _alias_pattern,
    _titled_surnames,
    find_mentions,
)

# what `_PRESIDENT` was, case-insensitive throughout
LONG_PRESIDENT = re.compile(
    r"\b(?:le|la|du|de la)\s+(président(?:e)?\s+de\s+la\s+République|Premi(?:er|ère)\s+ministre"
    r"|porte-parole\s+du\s+gouvernement)",
    re.IGNORECASE,
)
VARIANTS = ("la presidente de la frv", "le maire de montclair", "l'avocate de la federation",
            "les pecheurs de la vere")


def long_alias_pattern(variants: tuple[str, ...]) -> re.Pattern:
    """What `_alias_pattern` was: the variants, longest first, ignoring case, whole words."""
    alternatives = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def spans(matches) -> list[tuple[int, int, tuple]]:
    return [(m.start(), m.end(), m.groups()) for m in matches]


# whole phrases, and the letters and fragments around which the quick scans could part
PIECES = ["le président de la République", "LA PREMIÈRE MINISTRE", "du porte-parole du "
          "gouvernement", "De La Première ministre", "le ", "la ", "Le ", "LA ", "du ", "de la ",
          "l", "L", "d", "D", "x", "é", "_", " ", "\n", "'", "président", "e", " de la République",
          "mai", "reine", "pédo", "psychiatre", "collègue", "sénat", "rice", " Dupont", " MACRON",
          " Le Guay", "la presidente de la frv", "LE MAIRE DE MONTCLAIR", "'avocate de la "
          "federation", "les pecheurs de la vere", "ı", "İ", "ſ", "K"]
texts = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_the_president_is_found_where_the_long_pattern_finds_him(text):
    assert spans(_PRESIDENT.finditer(text)) == spans(LONG_PRESIDENT.finditer(text))


@settings(max_examples=400, deadline=None)
@given(texts)
def test_an_alias_is_found_where_the_long_pattern_finds_it(text):
    quick = _alias_pattern(-1, VARIANTS)
    assert quick.pattern.startswith("[lL]")  # the quick scan is the one taken
    assert spans(quick.finditer(text)) == spans(long_alias_pattern(VARIANTS).finditer(text))


@settings(max_examples=400, deadline=None)
@given(texts)
def test_titled_surnames_are_those_of_finditer(text):
    assert spans(_titled_surnames(text)) == spans(_TITLED_SURNAME.finditer(text))


def test_examples_of_each_quick_scan():
    text = "Le Président de la République et LA PREMIÈRE MINISTRE ont parlé; dle premier ministre."
    assert [m.group(1) for m in _PRESIDENT.finditer(text)] == [
        "Président de la République", "PREMIÈRE MINISTRE"]
    quick = _alias_pattern(-2, VARIANTS)
    assert [m.group() for m in quick.finditer("LA PRESIDENTE DE LA FRV et Le Maire de "
                                               "Montclair, pas ella presidente de la frv")] == [
        "LA PRESIDENTE DE LA FRV", "Le Maire de Montclair"]
    # a variant that opens with another letter: the long way, the same matches
    other = ("madame la maire",)
    assert spans(_alias_pattern(-3, other).finditer("Madame la Maire a dit")) == [(0, 15, ())]
    # a title inside another word's title (« maire » then « reine »): a start all the same
    assert [m.group("name") for m in _titled_surnames("la maireine Dupont, le pédopsychiatre "
                                                      "Rufo et la reine Margrethe")] == [
        "Dupont", "Rufo", "Margrethe"]


def test_find_mentions_keeps_the_president_the_titled_and_the_alias():
    aliases = Aliases.from_mapping({"Marie Durand": ["la présidente de la FRV"]})
    text = ("La présidente de la FRV, la presidente de la frv, a reçu le président Erdogan. "
            "Le président de la République a salué le pédopsychiatre Rufo.")
    found = [(m.name, m.function) for m in find_mentions(text, aliases)]
    assert ("Marie Durand", "la presidente de la frv") in found
    assert ("Erdogan", "président") in found
    assert (None, "président de la République") in found
    assert ("Rufo", "pédopsychiatre") in found
