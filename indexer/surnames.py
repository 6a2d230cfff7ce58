"""One person, one speaker label: a surname written alone is the person of that surname.

Attribution gives a quotation to the name its document writes: « Mme Taubira nous parlait
hier du « mariage pour tous » » gives it to « Taubira », while the index knows « Christiane
Taubira » from 840 statements. Read alone, the facet, the speaker pages and the exports
would show two people. `owners` maps such a bare surname (« Taubira », « Le Pen »,
« Mme Taubira ») to the one full name of the index that ends with it (« Christiane
Taubira »): only when there is exactly one. « Touraine », with Jean-Louis and Marisol
Touraine in the index, stays as written (`namesakes` lists them, for the page to say so).

It is done when reading, on the index's current names (both engines), not when writing:
a document indexed later may bring the full name, or a second person of the same surname,
and the records already written then need no rewriting.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

# civilities and titles written before a surname (folded: `indexer.engine.facet_key`)
CIVILITIES = frozenset({"m.", "m", "mm.", "mme", "mmes", "mlle", "monsieur", "madame",
                        "mademoiselle", "me", "maitre", "dr", "docteur", "pr", "professeur"})
# the particles a surname may begin with (« Le Pen », « de Rugy », « Van der Linden »)
PARTICLES = frozenset({"le", "la", "les", "de", "du", "des", "d'", "van", "von", "der",
                       "den", "ter", "di", "da", "del", "della", "dos", "st.", "saint",
                       "sainte", "mac", "mc", "ben", "el", "al"})
MAX_GIVEN = 3  # given names before the surname (« Recep Tayyip Erdogan »)


def without_civility(key: str) -> list[str]:
    """Return the words of a folded name, its civilities and titles aside.

    >>> without_civility("m. jean castex"), without_civility("mme")
    (['jean', 'castex'], [])
    """
    words = key.split()
    while words and words[0] in CIVILITIES:
        words = words[1:]
    return words


def surname(key: str) -> str | None:
    """Return the surname a folded label is made of alone (civility aside), or None when it
    holds more than a surname: particles and one word (« le pen », « mme taubira »).

    >>> surname("mme taubira"), surname("le pen"), surname("christiane taubira")
    ('taubira', 'le pen', None)
    """
    words = without_civility(key)
    if not words or any(w not in PARTICLES for w in words[:-1]) or words[-1] in PARTICLES:
        return None
    return " ".join(words)


def _given(label: str, size: int) -> list[str] | None:
    """Return the words of `label` before its last `size` words when they read as given
    names (each capitalised, or an initial, and no particle last), else None."""
    words = label.split()[:-size]
    if not 1 <= len(words) <= MAX_GIVEN or words[-1].casefold() in PARTICLES:
        return None
    return words if all(w[:1].isupper() for w in words) else None


def people(labels: Mapping[str, str]) -> dict[str, list[str]]:
    """Return {surname: the folded full names of `labels` ({folded name: label}) that are a
    person of that surname}: given names, then the surname (its particles and last word).

    « Comité de soutien à Antoine Deltour » is no person; nor is « Terre et Eau
    Solidaires », nor « Marine Le Pen » of the surname « Pen ».

    >>> people({"christiane taubira": "Christiane Taubira", "taubira": "Taubira",
    ...         "terre et eau solidaires": "Terre et Eau Solidaires",
    ...         "marine le pen": "Marine Le Pen"})
    {'taubira': ['christiane taubira'], 'le pen': ['marine le pen']}
    """
    found: dict[str, list[str]] = {}
    for key, label in sorted(labels.items()):
        words = key.split()
        if surname(key) is not None:
            continue
        for size in range(1, len(words)):
            name = " ".join(words[-size:])
            if surname(name) == name and _given(label, size) is not None:
                found.setdefault(name, []).append(key)
    return found


def owners(labels: Mapping[str, str],
           speaking: Collection[str] | None = None) -> dict[str, str]:
    """Return {bare label's key: its person's key} for each bare surname of `labels`
    ({folded name: label}) that exactly one full name of `labels` holds, and, when
    `speaking` (the folded names that speak in a statement of the index) is given, only
    when that person speaks in one.

    A surname alone names someone the readers of the text know: in a debate or a release,
    mostly a person who speaks in the index too (« Mme Taubira nous parlait hier »). A
    person the index only quotes is more often one namesake among others: « Rousseau »
    quoted in a sitting of 2013 (« Le pays des chimères … ») is Jean-Jacques, not the
    constitutionalist Dominique Rousseau a minister quotes in 2023.

    >>> owners({"christiane taubira": "Christiane Taubira", "mme taubira": "Mme Taubira",
    ...         "touraine": "Touraine", "marisol touraine": "Marisol Touraine",
    ...         "jean-louis touraine": "Jean-Louis Touraine"})
    {'mme taubira': 'christiane taubira'}
    >>> owners({"rousseau": "Rousseau", "dominique rousseau": "Dominique Rousseau",
    ...         "taubira": "Taubira", "christiane taubira": "Christiane Taubira"},
    ...        speaking={"christiane taubira"})
    {'taubira': 'christiane taubira'}
    """
    bare = [(key, name) for key in labels if (name := surname(key))]
    if not bare:
        return {}
    holders = people(labels)
    return {key: holders[name][0] for key, name in bare if len(holders.get(name, ())) == 1
            and (speaking is None or holders[name][0] in speaking)}


def namesakes(labels: Mapping[str, str], key: str) -> list[str]:
    """Return the full names of `labels` ({folded name: label}) that the bare surname of
    the folded name `key` could be, when there are several: the people a label « Touraine »
    leaves undecided.

    >>> namesakes({"touraine": "Touraine", "marisol touraine": "Marisol Touraine",
    ...            "jean-louis touraine": "Jean-Louis Touraine"}, "touraine")
    ['Jean-Louis Touraine', 'Marisol Touraine']
    >>> namesakes({"taubira": "Taubira", "christiane taubira": "Christiane Taubira"}, "taubira")
    []
    """
    name = surname(key)
    holders = people(labels).get(name, []) if name else []
    return [labels[person] for person in holders] if len(holders) > 1 else []
