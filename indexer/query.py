"""Parse what a user types into a Whoosh query, with only the syntax we support.

Supported: words (all required by default), "exact phrases" (matched on the unstemmed
`exact` field), OR / OU, AND / ET, NOT / SAUF, -exclusion, +required, (groups) and
`field:value` for speaker/orateur, theme/thème, kind/type, year/année, title/titre.
Everything else — a lone `?`, `*`, `~`, `^`, stray colons — is plain punctuation, because
French typography puts spaces before ? ! : ; and users paste quotations as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from whoosh import query as wq
from whoosh.fields import ID, KEYWORD, TEXT, Schema
from whoosh.qparser import (
    AndGroup,
    FieldAliasPlugin,
    FieldsPlugin,
    GroupPlugin,
    MultifieldPlugin,
    OperatorsPlugin,
    OrGroup,
    PhrasePlugin,
    PlusMinusPlugin,
    QueryParser,
    WhitespacePlugin,
    syntax,
)
from whoosh.qparser.plugins import Plugin

from indexer.analysis import APOSTROPHES, WORD_PATTERN, exact_analyzer, french_analyzer
from indexer.text import french_number

MAX_QUERY_CHARS = 1000
MAX_TERMS = 64
FACET_FIELDS = ("speaker", "theme", "kind", "year", "lang")
ALIASES = {
    "speaker": ["orateur", "intervenant", "auteur", "qui"],
    "theme": ["thème", "thematique", "thématique", "sujet"],
    "kind": ["type", "genre"],
    "year": ["annee", "année"],
    "lang": ["langue"],
    "title": ["titre"],
}


def _parse_schema() -> Schema:
    # The parser only knows the fields a user may name; stored-only fields stay out of reach.
    return Schema(
        title=TEXT(analyzer=french_analyzer()),
        text=TEXT(analyzer=french_analyzer()),
        exact=TEXT(analyzer=exact_analyzer(), phrase=True),
        speaker=KEYWORD(commas=True, lowercase=False),
        theme=KEYWORD(commas=True, lowercase=False),
        kind=ID(),
        year=ID(),
    )


class ExactPhrasePlugin(Plugin):
    """Send unfielded "quoted phrases" to the unstemmed `exact` field.

    Runs before the multifield expansion, so `"lanceur d'alerte"` becomes one phrase on
    `exact` rather than stemmed phrases on `title` and `text`.
    """

    def filters(self, parser):
        # after FieldsPlugin (100) has named fields, before MultifieldPlugin (110) expands
        return [(self.to_exact, 105)]

    def to_exact(self, parser, group):
        for node in group:
            if isinstance(node, syntax.GroupNode):
                self.to_exact(parser, node)
            elif isinstance(node, PhrasePlugin.PhraseNode) and node.fieldname is None:
                node.set_fieldname("exact")
        return group


@dataclass
class ParsedQuery:
    """A parsed user query and what the parser had to say about it."""

    query: wq.Query
    text: str
    notes: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # the plain words typed, for suggestions
    fallback: bool = False


def _parser(group) -> QueryParser:
    parser = QueryParser("text", _parse_schema(), plugins=[], group=group)
    parser.add_plugins(
        [
            WhitespacePlugin(),
            PhrasePlugin(),
            GroupPlugin(),
            FieldsPlugin(remove_unknown=True),
            FieldAliasPlugin(ALIASES),
            OperatorsPlugin(
                And=r"(?<=\s)(AND|ET)(?=\s)",
                Or=r"(?<=\s)(OR|OU)(?=\s)",
                Not=r"(^|(?<=(\s|[()])))(NOT|SAUF)(?=\s)",
                AndNot=None,
                AndMaybe=None,
                Require=None,
            ),
            # Only a sign at the start of a word: « Moyen-Orient » is one place, not an exclusion.
            PlusMinusPlugin(plusexpr=r"(?<![^\s(])\+(?=\w)", minusexpr=r"(?<![^\s(])-(?=[\w\"])"),
            ExactPhrasePlugin(),
            MultifieldPlugin(["title", "text"]),
        ]
    )
    return parser


_AND_PARSER = _parser(AndGroup)
# For plain words the 0.9 coordination scale is lost when Whoosh flattens the per-field groups
# into one Or (checked: plain UnionMatcher, plain BM25 sum), as `indexer.ranking` scores them;
# it still applies when the widened query mixes words with phrases or fields.
_OR_PARSER = _parser(OrGroup.factory(0.9))


def plain_words(text: str) -> list[str]:
    """Return the words of a text, without any syntax.

    >>> plain_words('Qui a dit « cela » ? speaker:"X')
    ['Qui', 'a', 'dit', 'cela', 'speaker', 'X']
    """
    return WORD_PATTERN.findall(text)


def parse_query(text: str, *, any_word: bool = False) -> ParsedQuery:
    """Return the Whoosh query for what the user typed.

    Words are all required unless `any_word`; a query the parser cannot make sense of falls
    back to its plain words with a note. An empty query matches everything.
    """
    notes: list[str] = []
    text = (text or "").strip()
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        notes.append(f"Requête tronquée à {french_number(MAX_QUERY_CHARS)} caractères.")
    words = plain_words(text)
    if len(words) > MAX_TERMS:
        words = words[:MAX_TERMS]
        text = " ".join(words)
        notes.append(f"Requête réduite à ses {MAX_TERMS} premiers mots.")
    if not words:
        return ParsedQuery(wq.Every(), "", notes)
    text = _field_case(_empty_fields(text, notes))
    parser = _OR_PARSER if any_word else _AND_PARSER
    fallback = False
    try:
        query = _plain_query(parser, text)
        if query is None:
            query = parser.parse(text)
        _check(query)
    except Exception:  # whoosh raises many kinds; any of them means "read it as plain words"
        # lower case: the words can no longer be read as AND/OR/NOT operators
        query = parser.parse(" ".join(w.lower() for w in words))
        fallback = True
        notes.append("Syntaxe non comprise : recherche sur les mots seuls.")
    if query is wq.NullQuery:
        # only stop words (« les », « qui ») were typed: look for them as written
        texts = [t.text for t in exact_analyzer()(" ".join(words))]
        query = (wq.Or if any_word else wq.And)([wq.Term("exact", x) for x in texts])
    return ParsedQuery(query, text, notes, [w for w in words if w.lower() not in ALL_FIELDS],
                       fallback)


# An exclusion (« -Lisson », « SAUF Lisson », « NOT "plan eau" »): a minus at the start of a
# word or phrase, or the operator before it (in capitals, as the parser reads it)
_EXCLUSION = re.compile(r'(?:(?<![^\s(])-|(?<![^\s(])(?:NOT|SAUF)\s+)("[^"]*"|[^\s"()]+)')


def excluded_only(q: str) -> ParsedQuery | None:
    """Return the query of every record but those holding the words excluded, when `q` is
    made of exclusions alone, else None.

    The parser drops an exclusion with nothing to exclude it from, and the search fell back
    to the word itself: « -Lisson » listed the statements on the Lisson, « NOT Lisson » said
    « Syntaxe non comprise » and searched « not » and « Lisson ». A press officer's « tous nos
    communiqués sauf ceux sur le Lisson » is the kind Communiqués and « -Lisson ».

    >>> print(excluded_only("-Lisson -Orbize").query)
    (None:* ANDNOT (title:lisson OR text:lisson OR title:orbiz OR text:orbiz))
    >>> excluded_only("barrage -Lisson") is None, excluded_only("Moyen-Orient") is None
    (True, True)
    """
    q = (q or "").strip()
    excluded = [m.group(1) for m in _EXCLUSION.finditer(q)]
    if not excluded or _EXCLUSION.sub(" ", q).strip():
        return None
    words = parse_query(" ".join(excluded), any_word=True)
    if words.fallback or not words.words:
        return None
    return ParsedQuery(wq.AndNot(wq.Every(), words.query), q, words.notes, words.words)


# A field named with nothing after its colon: `speaker:`, `orateur:"`, `theme:""` at the end
# or before a space (`speaker: Macron` too: the parser takes a value only right after the
# colon). French typography's space before a colon (« Le sujet : la loi ») is no field.
_FIELD_NAMES = sorted({*ALIASES, *(a for names in ALIASES.values() for a in names)},
                      key=len, reverse=True)
_EMPTY_FIELD = re.compile(rf"(?<![\w:])({'|'.join(map(re.escape, _FIELD_NAMES))}):"
                          r"[\"«“]?\s*[\"»”]?(?=\s|$)", re.IGNORECASE)
# what each field's note calls its value, the pronoun for it, and a value written right
_VALUES = {"speaker": ("nom", "le", "Taubira"), "theme": ("thème", "le", "logement"),
           "kind": ("type", "le", "interview"), "year": ("année", "la", "2020"),
           "lang": ("langue", "la", "fr"), "title": ("mots", "les", "retraites")}


def _empty_fields(text: str, notes: list[str]) -> str:
    """Return `text` with each field named without a value (`_EMPTY_FIELD`) left as its name
    alone, a plain word, and add a note saying so and how to write one (the parser searched
    the word silently, or nothing for `speaker:"`).

    >>> notes = []
    >>> _empty_fields('mariage orateur:"', notes)
    'mariage orateur'
    >>> print(*notes)
    « orateur: » sans nom : écrivez-le juste après les deux-points, sans espace \
(orateur:Taubira) ; « orateur » est cherché comme un mot.
    >>> _empty_fields("Le sujet : la loi, speaker:Macron", notes)
    'Le sujet : la loi, speaker:Macron'
    """
    def plain(match: re.Match) -> str:
        name = match.group(1)
        field = next((f for f, names in ALIASES.items()
                      if name.casefold() in (f, *names)), "speaker")
        value, pronoun, example = _VALUES[field]
        note = (f"« {name}: » sans {value} : écrivez-{pronoun} juste après les deux-points, "
                f"sans espace ({name}:{example}) ; « {name} » est cherché comme un mot.")
        if note not in notes:
            notes.append(note)
        return name

    return _EMPTY_FIELD.sub(plain, text)


# A field named with a capital (`Orateur:Deltour`, a phone's first letter, `SPEAKER:`), its
# value right after the colon: the parser knows the names in lower case only, and read
# `Orateur:Deltour` as words (one record, the name's, no note)
_CASED_FIELD = re.compile(rf"(?<![\w:])({'|'.join(map(re.escape, _FIELD_NAMES))}):(?=\S)",
                          re.IGNORECASE)


def _field_case(text: str) -> str:
    """Return `text` with each field's name in lower case, as the parser knows it.

    >>> _field_case('Orateur:Deltour Thème:"Fraude fiscale" Le sujet : Qui')
    'orateur:Deltour thème:"Fraude fiscale" Le sujet : Qui'
    """
    return _CASED_FIELD.sub(lambda match: match.group(1).lower() + ":", text)


# Words the parser reads as nothing but words: letters and digits, with apostrophes, inner
# hyphens and question marks (none of its plugins tags them), between spaces. A sign, quote,
# parenthesis, colon or any other character sends the query to the full parser.
_PLAIN_WORD = rf"[\w?][\w?\-{APOSTROPHES}]*"
_PLAIN_QUERY = re.compile(rf"{_PLAIN_WORD}(?: +{_PLAIN_WORD})*")
_SPACED = re.compile(r"[^ ]+")
_OPERATOR_WORDS = {"AND", "ET", "OR", "OU", "NOT", "SAUF"}  # as cased in `_parser`


def _plain_query(parser: QueryParser, text: str) -> wq.Query | None:
    """Return what `parser.parse(text)` returns for a query of plain words, else None.

    The parser's work without its tagging and filtering: each word is `title:w OR text:w`
    (MultifieldPlugin's group), analyzed by the parser's own `term_query`, in the parser's
    group, normalized as `parse` does: one word 102 -> 36 µs, three words 224 -> 93 µs.

    >>> _plain_query(_AND_PARSER, "l'état ?") == _AND_PARSER.parse("l'état ?")
    True
    >>> _plain_query(_AND_PARSER, "ministre -procédure") is None
    True
    """
    if not _PLAIN_QUERY.fullmatch(text):
        return None
    words = [(m.group(), m.start(), m.end()) for m in _SPACED.finditer(text)]
    if not _OPERATOR_WORDS.isdisjoint(w for w, _, _ in words):
        return None
    subs = []
    for word, start, end in words:
        fields = []
        for name in ("title", "text"):
            if (q := parser.term_query(name, word, parser.termclass)) is not None:
                fields.append(_at(q, start, end))
        subs.append(_at(wq.Or(fields), start, end))
    # the parser's filters leave its words in a plain And or Or group (no scale)
    query = _at(parser.group.qclass(subs), 0, len(text))
    return (query or wq.NullQuery).normalize()


def _at(query: wq.Query, start: int, end: int) -> wq.Query:
    """Give a query the characters it was read from, as the parser's `syntax.attach` does."""
    if query:
        query.startchar, query.endchar = start, end
    return query


ALL_FIELDS = {*ALIASES, *(a for names in ALIASES.values() for a in names), "text", "exact"}


# A plain query of this many words or more is a pasted passage (see `indexer.passages`).
PASSAGE_WORDS = 5


def plain_terms(parsed: ParsedQuery) -> list[str]:
    """Return the terms both engines rank a plain-word query by, else [] (`bag_terms`).

    In a passage (PASSAGE_WORDS or more), a hyphenated word is two plain words; in a short
    query (« Jean-Marc Ayrault »), its words stay together as typed.
    """
    return bag_terms(parsed.query, compounds=len(parsed.words) >= PASSAGE_WORDS)


def excluded_terms(query: wq.Query) -> tuple[list[str], list[str]] | None:
    """Return (terms, excluded terms) of plain words with plain exclusions, else None.

    >>> excluded_terms(parse_query("ministre -procédure -Luxembourg").query)
    (['ministr'], ['procedur', 'luxembourg'])
    >>> excluded_terms(parse_query('"pouvoir d’achat" -inflation').query) is None
    True
    """
    if not isinstance(query, wq.AndNot) or not (terms := bag_terms(query.a)):
        return None
    subs = query.b.subqueries if isinstance(query.b, wq.Or) else []
    if not subs or not all(isinstance(t, wq.Term) and t.boost == 1.0 for t in subs):
        return None
    excluded = list(dict.fromkeys(t.text for t in subs))
    if {(t.fieldname, t.text) for t in subs} != {(f, x) for f in ("title", "text")
                                                 for x in excluded}:
        return None
    return terms, excluded


def bag_terms(query: wq.Query, compounds: bool = False) -> list[str]:
    """Return the distinct terms of a query made of plain words only, else [].

    A plain word is parsed as `title:t OR text:t`; phrases, fields, operators and
    exclusions make a query that says more than a bag of words, so they give []. With
    `compounds`, a hyphenated word gives its words (`_compound_words`).

    >>> bag_terms(parse_query("Comment protéger les lanceurs d'alerte ?").query)
    ['proteg', 'lanceur', 'alert']
    >>> bag_terms(parse_query('"lanceurs d’alerte" Deltour').query)
    []
    """
    parts = query.subqueries if isinstance(query, wq.And) else [query]
    terms = []
    for part in parts:
        subs = part.subqueries if isinstance(part, wq.Or) else []
        if (len(subs) == 2 and all(isinstance(t, wq.Term) for t in subs)
                and {t.fieldname for t in subs} == {"title", "text"}
                and subs[0].text == subs[1].text and part.boost == 1.0):
            terms.append(subs[0].text)
        elif compounds and (words := _compound_words(part)):
            terms.extend(words)
        else:
            return []
    return list(dict.fromkeys(terms))


def _compound_words(part: wq.Query) -> list[str]:
    """Return the terms of a hyphenated word typed among plain words (« moment-ci »,
    « Jean-Marc »: its words in the title or in the text), else [].

    Its words count as plain words: a pasted passage with « a-t-il » or « moment-ci » is
    still ranked over the cached postings, not by a walk of the index (measured at `250k`:
    one pasted passage in nine holds such a word, and walked it took up to a second).

    >>> _compound_words(parse_query("moment-ci").query)
    ['moment', 'ci']
    """
    subs = part.subqueries if isinstance(part, wq.Or) and part.boost == 1.0 else []
    if len(subs) != 2 or not all(isinstance(a, wq.And) for a in subs):
        return []
    title, text = ([t for t in a.subqueries if isinstance(t, wq.Term)] for a in subs)
    if (len(title) != len(subs[0].subqueries) or len(text) != len(subs[1].subqueries)
            or {t.fieldname for t in title} != {"title"}
            or {t.fieldname for t in text} != {"text"}
            or [t.text for t in title] != [t.text for t in text]):
        return []
    return [t.text for t in text]


def _check(query: wq.Query) -> None:
    """Raise ValueError for a query shape we refuse to run (e.g. only exclusions)."""
    terms = list(query.iter_all_terms())
    if len(terms) > MAX_TERMS * 3:
        raise ValueError("too many terms")
    if isinstance(query, wq.Not):
        raise ValueError("only an exclusion")


def query_terms(query: wq.Query) -> set[tuple[str, str]]:
    """Return the (field, text) terms of a query that should be highlighted in a text.

    Exclusions are left out; phrase words searched on `exact` are mapped to the stemmed
    terms of `text` so that the snippet highlighter finds them.
    """
    found: set[tuple[str, str]] = set()

    def walk(q: wq.Query, negated: bool) -> None:
        if isinstance(q, wq.Not):
            return
        if isinstance(q, wq.AndNot):
            walk(q.a, negated)
            return
        if isinstance(q, wq.Phrase):
            for w in q.words:
                for t in french_analyzer()(w):
                    found.add(("text", t.text))
            return
        if isinstance(q, wq.Term):
            if q.fieldname in ("text", "title"):
                found.add(("text", q.text))
            return
        for child in q.children() if q.is_leaf() is False else []:
            walk(child, negated)

    walk(query, False)
    return found
