"""Person and organisation names: civilities removed, case fixed, aliases merged.

A name is written many ways in one corpus: `M. Olivier DUSSOPT`, `OLIVIER DUSSOPT` (an
interview turn), `Olivier Dussopt`, `Olivier_Dussopt` (a TEI `who`). `canonical_name` turns
each into `Olivier Dussopt`; `Aliases` then merges the variants a curated file lists
(`corpus/aliases.yaml`: canonical name → list of variants). A debate's collective speaker
(« Plusieurs députés du groupe UMP ») is a description, not a name: it keeps its case.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from indexer.analysis import fold
from indexer.extract.datafiles import load_mapping_file

# Civilities and titles that come before a name and are not part of it. Longest first, so
# that "Le très hon." is removed whole rather than leaving "très hon.".
CIVILITIES = (
    "le très honorable", "le très hon.", "le tres hon.", "l'honorable", "l'hon.", "son honneur",
    "monsieur", "madame", "mademoiselle", "maître", "maitre", "docteur", "professeur",
    "mm.", "mmes", "mme", "mlle", "mme.", "m.", "me", "dr", "dr.", "pr", "pr.",
)  # fmt: skip
_CIVILITY = re.compile(
    r"^(?:(?:" + "|".join(re.escape(c) for c in CIVILITIES) + r")(?:\s+|(?<=\.)(?=\w)))+",
    re.IGNORECASE,
)
# Particles written in lower case inside a name (Amélie de Montchalin), except first.
_PARTICLES = frozenset({"de", "d'", "du", "des", "von", "van", "der", "den", "y", "e", "da"})
_WORD = re.compile(r"[^\s\-']+|[\s\-']")
_SPACES = re.compile(r"\s+")

DEFAULT_ALIASES = Path(__file__).resolve().parents[2] / "corpus" / "aliases.yaml"


@lru_cache(maxsize=65536)
def strip_civility(name: str) -> str:
    """Return a name without the civility or title before it.

    >>> strip_civility("Mme Agnès Pannier-Runacher"), strip_civility("L'hon. Pierre S. Pettigrew")
    ('Agnès Pannier-Runacher', 'Pierre S. Pettigrew')
    """
    name = name.replace("’", "'").strip()
    stripped = _CIVILITY.sub("", name).strip()
    return stripped or name


def fix_case(name: str) -> str:
    """Return a name in usual case: upper-case words capitalised, particles lower-cased.

    Words already in mixed case (McDonald, LuxLeaks) are left alone.

    >>> fix_case("JEAN-PAUL CHAPEL"), fix_case("Olivier DUSSOPT"), fix_case("APOLLINE DE MALHERBE")
    ('Jean-Paul Chapel', 'Olivier Dussopt', 'Apolline de Malherbe')
    >>> fix_case("Jean-paul Chapel"), fix_case("Jean-Yves le Drian")
    ('Jean-Paul Chapel', 'Jean-Yves Le Drian')
    """
    parts = _WORD.findall(name)
    out: list[str] = []
    first = True
    for index, part in enumerate(parts):
        if part in (" ", "-", "'"):
            out.append(part)
            continue
        follows_hyphen = index > 0 and parts[index - 1] == "-"
        lower = part.lower()
        elided = lower in {"d", "l"} and index + 1 < len(parts) and parts[index + 1] == "'"
        if not first and not follows_hyphen and (lower in _PARTICLES or elided):
            out.append(lower)  # "de", "d'"; "Le Drian" keeps its capital: "le" is no particle
        elif part.isupper() or part.islower():
            out.append(part[:1].upper() + part[1:].lower())
        else:
            out.append(part)  # mixed case (McDonald, LuxLeaks) is deliberate
        first = False
    return "".join(out)


# A debate's record names some turns by a group, not a person: « Plusieurs députés du groupe
# UMP », « De nombreux députés des groupes UMP et UDI », « Un député SRC », « Mmes et Mles
# députés ». Such a label opens with a determiner or a quantity and holds a member's noun.
_COLLECTIVE_FIRST = frozenset(
    "plusieurs quelques nombreux nombreuses un une des certains certaines tous toutes mmes mm. "
    "mesdames messieurs".split()
)
_COLLECTIVE_NOUNS = frozenset(
    "député députée députés députées sénateur sénatrice sénateurs sénatrices membre membres "
    "parlementaires élus élues voix".split()
)


@lru_cache(maxsize=65536)
def is_collective(name: str) -> bool:
    """Return True when a speaker's label names several people or an unnamed member.

    >>> is_collective("Plusieurs députés du groupe UMP"), is_collective("De nombreux députés")
    (True, True)
    >>> is_collective("Un député SRC"), is_collective("Jean-Frédéric Poisson")
    (True, False)
    """
    words = name.replace("_", " ").lower().split()
    if words[:2] in (["de", "nombreux"], ["de", "nombreuses"]):
        words = words[1:]
    return (len(words) > 1 and words[0] in _COLLECTIVE_FIRST
            and any(word in _COLLECTIVE_NOUNS for word in words[1:]))


@lru_cache(maxsize=65536)
def canonical_name(name: str) -> str:
    """Return a person's or body's name as displayed: no civility, usual case, one space.

    A collective label (`is_collective`) is a description, not a name: kept as written, its
    acronyms in capitals and its common words in small letters.

    >>> canonical_name("M. Olivier DUSSOPT"), canonical_name("Claire_Aubertin")
    ('Olivier Dussopt', 'Claire Aubertin')
    >>> canonical_name("Ministère de l'Europe et des Affaires étrangères")
    "Ministère de l'Europe et des Affaires étrangères"
    >>> canonical_name("Plusieurs_députés_du_groupe_UMP")
    'Plusieurs députés du groupe UMP'
    """
    name = name.replace("_", " ") if " " not in name.strip() else name
    if is_collective(name):
        name = _SPACES.sub(" ", name).strip(" ,.;:")
        return name[:1].upper() + name[1:]
    name = _SPACES.sub(" ", strip_civility(name)).strip(" ,.;:")
    if not name:
        return name
    if looks_like_body(name):
        return name[:1].upper() + name[1:]
    return fix_case(name)


# First words of names of bodies rather than people: kept as written.
_BODY_WORDS = frozenset(
    """
    ministère ministere présidence presidence secrétariat secretariat gouvernement comité
    comite association fédération federation union conseil commission cour tribunal assemblée
    assemblee sénat senat parlement agence office direction service syndicat collectif
    groupe parti mouvement fondation institut observatoire mairie ville préfecture prefecture
    région region département departement compagnie société societe entreprise caisse
    haut haute autorité autorite cabinet bureau délégation delegation ambassade
    confédération confederation chambre ligue réseau reseau coordination organisation
    académie academie université universite banque consortium coalition plateforme alliance
    fonds
    """.split()
)


BODY_WORDS = _BODY_WORDS


@lru_cache(maxsize=65536)
def looks_like_body(name: str) -> bool:
    """Return True when a name is an organisation's rather than a person's.

    >>> looks_like_body("Présidence de la République"), looks_like_body("Jean Castex")
    (True, False)
    """
    words = name.split()
    if not words:
        return False
    first = words[0].lower().strip("«»\"'")
    if first in {"le", "la", "les", "l'"} and len(words) > 1:
        first = words[1].lower()
    elif first.startswith("l'"):
        first = first[2:]
    return first in _BODY_WORDS or (name.isupper() and len(words) == 1 and len(name) <= 6)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Return the comparison key of a name: folded, lower case, civility removed.

    >>> name_key("M. Olivier DUSSOPT") == name_key("olivier dussopt")
    True
    """
    name = strip_civility(name.replace("_", " "))
    return _SPACES.sub(" ", fold(name).casefold().replace("-", " ")).strip(" .,;:")


@dataclass
class Aliases:
    """Canonical names and their variants, compared case- and accent-insensitively."""

    variants: dict[str, str] = field(default_factory=dict)  # name_key(variant) → canonical

    @classmethod
    def from_mapping(cls, mapping: dict) -> Aliases:
        """Build from a `{canonical: [variants]}` mapping (the YAML file's shape).

        >>> aliases = Aliases.from_mapping({"Claire Aubertin": ["Mme Aubertin", "AUBERTIN"]})
        >>> aliases.resolve("aubertin")
        'Claire Aubertin'
        """
        variants: dict[str, str] = {}
        for canonical, others in (mapping or {}).items():
            if not isinstance(canonical, str) or not canonical.strip():
                continue
            canonical = canonical.strip()
            variants[name_key(canonical)] = canonical
            for other in others or []:
                if isinstance(other, str) and other.strip():
                    variants.setdefault(name_key(other), canonical)
        return cls(variants)

    def resolve(self, name: str) -> str | None:
        """Return the canonical name a variant stands for, or None when it is not listed."""
        return self.variants.get(name_key(name))

    def canonical(self, name: str) -> str:
        """Return the canonical name for `name`: its alias if listed, else `canonical_name`."""
        return self.resolve(name) or self.resolve(canonical_name(name)) or canonical_name(name)

    def __len__(self) -> int:
        return len(self.variants)


def aliases_path() -> Path:
    """Return the aliases file in use: $VERBATIM_ALIASES, else the repository's corpus one."""
    env = os.environ.get("VERBATIM_ALIASES")
    return Path(env) if env else DEFAULT_ALIASES


def load_aliases(path: Path | str | None = None) -> Aliases:
    """Return the aliases of a YAML file (re-read when the file changes; missing: none)."""
    path = Path(path) if path is not None else aliases_path()
    return load_mapping_file(path, Aliases.from_mapping)
