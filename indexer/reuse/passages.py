"""The fourth step: the alignment, and the passages found that are reuse.

Each chain of seeds (`indexer.reuse.seeds`) is aligned word by word with a margin around it
(`_align`: rapidfuzz's Levenshtein opcodes); what aligns well enough is a passage. A passage
is kept as a match unless rare runs cover too few of its words, or it is boilerplate (a
formula of a sitting's procedure, a contact block, an address or a link: `boilerplate`), or
a header or footer (kept, its similarity negated: `EDGE`). `_Passages` is the part of
`ReuseUpdate` that aligns a chunk of pairs, in this process or in an aligning one
(`indexer.reuse.processes`). Next: the matches join the kept state, and the groups are
made of them (`indexer.reuse.groups`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import chain

import numpy as np
from rapidfuzz.distance import LCSseq, Levenshtein

from indexer.analysis import STOP_WORDS, passage_words
from indexer.reuse import words as _words
from indexer.reuse.pairs import MIN_SEEDS
from indexer.reuse.seeds import (
    _covered,
    _one_chain,
    _pair_seeds,
    _run_chains,
    _seed_runs,
    _SeedTable,
)
from indexer.reuse.words import GRAM, SHARED_WORDS_LIMIT

# Words of context aligned beyond the first and last seed of a stretch.
MARGIN = 6
# A match: at least this many words on each side, this many identical, this close.
MIN_WORDS = 10
MIN_EQUAL = 8
MIN_SIMILARITY = 0.6
# ... and at least this many of its words, and a third, in rare runs: a formula with a few
# rare words (« La parole est à M. X, pour soutenir l'amendement n° 12 ») is not reuse.
MIN_COVERED = 5
COVERED_SHARE = 3  # covered words times this must reach the passage's length
# Longest stretch aligned at once (words): alignment costs the product of both lengths.
MAX_STRETCH = 1500
# Words at the top or bottom of a document where a passage found in both is a header/footer.
EDGE_WORDS = 3
# A contact block, an address or a link in a passage: « @ », « http:// », « www. », a phone
# number, « +33 », « contact presse », « tél. : », « fax », « cedex », « courriel »,
# « e-mail », « source : ». The alternatives that start a word share one `(?<!\w)` (the
# same as `\b` before a word's first character): the regular expression fails at most
# places of a passage at its first test, instead of trying seven `\b` in turn there. Its
# search was ~10 % of the aligning processes' CPU at `250k` (~50 µs a passage of 400
# characters, now ~25 µs); it finds a match where the twelve alternatives did
# (tests/test_reuse_boilerplate.py).
_BOILERPLATE = re.compile(
    r"@|\+33|https?://|www\.|contacts? (?:presse|press)|"
    r"(?<!\w)(?:\d{2}(?:[ .]\d{2}){4}\b|t[ée]l(?:[ée]phone)?\s*[.:]|fax\b|cedex\b|courriel\b"
    r"|e-?mail\b|source\s*:)",
    re.IGNORECASE)
# What one of `_BOILERPLATE`'s alternatives holds, in the text lowered (`str.lower`): a
# passage holding none of these (9 in 10 at `250k`) is told without its search (~20 µs a
# passage; these ~5 µs). The search ignores case letter by letter: « ı » and « ſ » are « i »
# and « s » to it, and « İ » lowers to « i » and a combining dot (U+0307), so any of these
# sends a passage to the search (tests/test_reuse_boilerplate.py checks every character).
_CONTACT_WORDS = ("@", "+33", "http", "www", "contact", "tel", "tél", "fax", "cedex",
                  "courriel", "mail", "source", "ı", "ſ", "\u0307")
_PHONE_DIGITS = re.compile(r"\d\d[ .]\d\d")


def _contact(text: str) -> bool:
    """Tell whether a passage holds a contact block, an address or a link (`_BOILERPLATE`).

    >>> _contact("Tél. : 06 12 34 56 78"), _contact("Nous ne laisserons aucun village sans eau")
    (True, False)
    """
    lowered = text.lower()
    if not any(map(lowered.__contains__, _CONTACT_WORDS)) \
            and _PHONE_DIGITS.search(lowered) is None:
        return False
    return _BOILERPLATE.search(text) is not None


def align_seeds(wa: list[str], wb: list[str], seeds: list[tuple[int, int]]
                ) -> list[tuple[int, int, int, int, float]]:
    """Return the passages two documents share, from their seeds (i in a, j in b: the same
    rare run of words), as (a_start, a_end, b_start, b_end) in words and the similarity
    (identical words over the longer side).

    >>> a = "le maire a dit que nous ne laisserons aucun village de la vallée sans eau potable"
    >>> b = "nous ne laisserons jamais aucun village de la vallée sans eau potable dit le maire"
    >>> align_seeds(a.split(), b.split(), [(8, 4), (9, 5), (13, 9)])
    [(5, 16, 0, 12, 0.917)]
    """
    ij = np.array(seeds, np.int64).reshape(-1, 2)
    _, ri, rj, rn = _seed_runs(np.array([0, len(ij)]), ij[:, 0], ij[:, 1])
    return _align_runs(wa, wb, list(zip(ri.tolist(), rj.tolist(), rn.tolist(), strict=True)))


def _align_runs(wa: list[str], wb: list[str], runs: list[tuple[int, int, int]]
                ) -> list[tuple[int, int, int, int, float]]:
    """`align_seeds` of a pair's seeds given as their runs (`_seed_runs`)."""
    found = []
    for a0, b0, a1, b1, n in _run_chains(runs):
        if n < MIN_SEEDS:
            continue
        span = _align(wa, wb, a0, min(a1 + GRAM, len(wa)), b0, min(b1 + GRAM, len(wb)))
        if span is not None:
            found.append(span)
    return found


def _align(wa: list[str], wb: list[str], a0: int, a1: int, b0: int, b1: int
           ) -> tuple[int, int, int, int, float] | None:
    if wa[a0:a1] == wb[b0:b1]:  # an exact copy: grow it while the words agree
        while a0 > 0 and b0 > 0 and wa[a0 - 1] == wb[b0 - 1]:
            a0, b0 = a0 - 1, b0 - 1
        while a1 < len(wa) and b1 < len(wb) and wa[a1] == wb[b1]:
            a1, b1 = a1 + 1, b1 + 1
        if a1 - a0 >= MIN_WORDS:
            return a0, a1, b0, b1, 1.0
        # too short alone: a changed word may stand just beyond, align around it
    a0, b0 = max(0, a0 - MARGIN), max(0, b0 - MARGIN)
    a1, b1 = min(len(wa), a1 + MARGIN), min(len(wb), b1 + MARGIN)
    if a1 - a0 > MAX_STRETCH or b1 - b0 > MAX_STRETCH:
        a1, b1 = a0 + MAX_STRETCH, b0 + MAX_STRETCH
    left, right = wa[a0:a1], wb[b0:b1]
    # the words an alignment finds equal are a common subsequence: fewer than `MIN_EQUAL` in
    # the longest one (counted in C, no opcodes made) and no passage can come of it (at
    # `250k`, two thirds of the stretches that reach this point)
    if LCSseq.similarity(left, right, score_cutoff=MIN_EQUAL) < MIN_EQUAL:
        return None
    ops = list(Levenshtein.opcodes(left, right))
    # the passage starts and ends with two identical words or more: a lone « de » or « la »
    # agreeing by chance in the margin does not stretch it
    while ops and (ops[0].tag != "equal" or ops[0].src_end - ops[0].src_start < 2):
        ops.pop(0)
    while ops and (ops[-1].tag != "equal" or ops[-1].src_end - ops[-1].src_start < 2):
        ops.pop()
    if not ops:
        return None
    sa, ea = a0 + ops[0].src_start, a0 + ops[-1].src_end
    sb, eb = b0 + ops[0].dest_start, b0 + ops[-1].dest_end
    equal = sum(op.src_end - op.src_start for op in ops if op.tag == "equal")
    longer = max(ea - sa, eb - sb)
    similarity = equal / longer if longer else 0.0
    if min(ea - sa, eb - sb) < MIN_WORDS or equal < MIN_EQUAL or similarity < MIN_SIMILARITY:
        return None
    return sa, ea, sb, eb, round(similarity, 3)


# The words of a sitting's procedure (folded): a passage made mostly of them is a formula of
# the chair or of the record (« La parole est à M. X, pour soutenir l'amendement n° 12 »), or
# of a broadcast (« Merci d'avoir été avec nous ce matin »), or a string of titles (« le
# ministre délégué auprès du ministre de l'Europe et des affaires étrangères »).
PROCEDURE = frozenset("""
    president presidente presidence seance motion motions amendement amendements
    sous-amendement reglement parole vote votes voix adopte adoptee adoptes rejete rejetee
    chambre deputes senateurs commission rapporteur rapporteure applaudissements
    applaudissent levent suspendue suspendu levee reprise reprend ordre jour scrutin timbre
    quorum feuilleton article alinea paragraphe lecture ajourne ajournement honorables bancs
    rappel soutenir identiques saisi saisie interrompre ecoule merci bonjour bonsoir
    auditeurs auditrices revoir monsieur madame mesdames messieurs depute deputee deputees
    ministre ministres ministere delegue deleguee aupres charge chargee secretaire
    plait adopter lu lue fois deuxieme troisieme modifie modifiee suppression ligne lignes
    page comite leader senat declarations exclamations mouvements suppleant gouverneur
    excellence communes renvoye ulterieur conformement
    """.split())


def boilerplate(text: str) -> bool:
    """Tell whether a passage found in two documents is boilerplate rather than reuse by its
    words: a contact block, an address or link, a formula of a sitting's procedure (headers
    and footers are told by where they stand: `EDGE`).

    >>> boilerplate("Contact presse : Jeanne Martin, 06 12 34 56 78, presse@exemple.fr")
    True
    >>> boilerplate("La parole est à M. Nicolas Dhuicq, pour soutenir l'amendement n° 412.")
    True
    >>> boilerplate("Nous ne laisserons aucun village sans eau potable cet été")
    False
    """
    return procedure([w for w, _, _ in passage_words(text)]) or _contact(text)


def procedure(words: list[str]) -> bool:
    """Tell whether passage words are mostly those of a sitting's procedure (`PROCEDURE`),
    stop words, single letters and numbers aside: half of the rest or more.

    >>> procedure(["la", "parole", "est", "a", "m", "nicolas", "dhuicq"])
    False
    >>> procedure(["la", "parole", "est", "a", "m", "le", "rapporteur"])
    True
    """
    if len(_WORD_ROLES) >= SHARED_WORDS_LIMIT:
        _WORD_ROLES.clear()
    roles = list(map(_WORD_ROLES.__getitem__, words))  # one C-level pass (`_WordRoles`)
    content = len(roles) - roles.count(_OTHER)
    return content > 0 and roles.count(_PROCEDURAL) * 2 >= content


_OTHER, _CONTENT, _PROCEDURAL = 0, 1, 2


class _WordRoles(dict):
    """A passage word → what `procedure` counts it as: nothing (a stop word, a single letter,
    a number), a content word, or a content word of a sitting's procedure (filled on first
    sight of each word, so that a passage's words are counted without a Python loop)."""

    def __missing__(self, w: str) -> int:
        if w in STOP_WORDS or len(w) <= 1 or w.isdigit():
            role = _OTHER
        else:
            role = _PROCEDURAL if w in PROCEDURE else _CONTENT
        self[w] = role
        return role


_WORD_ROLES = _WordRoles()


class _CodeRoles(dict):
    """A word's code in `vocabulary` (`Vocabulary`: a character's code point) → the letter
    of its role (`_WordRoles`): « o » nothing, « c » a content word, « p » a word of a
    sitting's procedure; filled on first sight of each code, read by `str.translate`."""

    LETTERS = "ocp"  # by role: _OTHER, _CONTENT, _PROCEDURAL

    def __init__(self, vocabulary: _words.Vocabulary):
        super().__init__()
        self.vocabulary = vocabulary
        # the passages' codes told already (`_procedural`): their codes are this vocabulary's
        self.told = _Told(self._procedural)

    def __missing__(self, code: int) -> str:
        self[code] = letter = self.LETTERS[_WORD_ROLES[self.vocabulary.words[code]]]
        return letter

    def _procedural(self, coded: str) -> bool:
        roles = coded.translate(self)
        content = len(roles) - roles.count("o")
        return content > 0 and roles.count("p") * 2 >= content


class _Told(dict):
    """A passage's codes or text → what `tell` says of it, told once in a process: a passage
    copied into many documents is found with each (at `250k` half of an aligning job's
    passages were told already, their codes and their text the same). Emptied past `LIMIT`
    passages (~300 bytes a passage's codes, ~800 its text: ~110 MB for both at most)."""

    LIMIT = 100_000

    def __init__(self, tell: Callable[[str], bool]):
        super().__init__()
        self.tell = tell

    def __missing__(self, passage: str) -> bool:
        if len(self) >= self.LIMIT:
            self.clear()
        self[passage] = verdict = self.tell(passage)
        return verdict


_CODE_ROLES = _CodeRoles(_words._VOCABULARY)
_CONTACTS = _Told(_contact)  # a passage's text → whether it holds a contact block


def _procedural(coded: str | list[str]) -> bool:
    """`procedure` of words as `Tokens.coded` holds them: their codes translated to their
    roles' letters (`_CodeRoles`), counted, each passage's codes once (`_Told`) (a string
    of each word made again from its code took ~8 µs a passage at `250k`; a dict read a code
    at a time, ~3.5 µs a passage of 35 words, translated ~2 µs)."""
    global _CODE_ROLES
    if isinstance(coded, list):
        return procedure(coded)
    if len(_CODE_ROLES) >= SHARED_WORDS_LIMIT or _CODE_ROLES.vocabulary is not _words._VOCABULARY:
        _CODE_ROLES = _CodeRoles(_words._VOCABULARY)
    return _CODE_ROLES.told[coded]


class _Passages:
    """`ReuseUpdate`'s alignment of a chunk of pairs: reads its `tokens` (`_tokens`), `rare`,
    `state` (whose `dropped` counts the boilerplate) and texts (`_text`, `_read_texts`), and
    puts the matches found on `found`."""

    def seed_table(self, chunks: Iterable[list[tuple[int, int]]]) -> _SeedTable:
        """Return the seeds of the documents of these chunks of pairs (`_SeedTable`)."""
        # the pairs' documents read in C (a generator over each: ~1 s of the parent at `1m`,
        # its 9 M pairs' 18 M documents)
        return _SeedTable.of(chain.from_iterable(chain.from_iterable(chunks)), self._tokens,
                             self.rare)

    def _align_chunk(self, pairs: list[tuple[int, int]], table: _SeedTable | None = None,
                     times: list[int] | None = None) -> None:
        """Align a chunk of pairs: the seeds of all found at once (`_pair_seeds`, in `table`
        or in one made for them), and a pair whose seeds make one chain, or none, told
        without chaining them (`_one_chain`), the others chained by runs (`_seed_runs`).
        `times`: how many pairs of the same texts each stands for (`_SameTexts`), counted
        so in the boilerplate left out (1 each without it)."""
        self._read_texts(s for pair in pairs for s in pair)
        at, i, j = _pair_seeds(pairs, table or self.seed_table([pairs]))
        kind = _one_chain(at, i, j).tolist()
        first, last = np.minimum(at[:-1], max(i.size - 1, 0)), np.maximum(at[1:] - 1, 0)
        a0, b0 = (i[first].tolist(), j[first].tolist()) if i.size else ([], [])
        a1, b1 = ((i[last] + GRAM).tolist(), (j[last] + GRAM).tolist()) if i.size else ([], [])
        runs, ri, rj, rn = _seed_runs(at, i, j)
        runs = runs.tolist()
        tokens = self.tokens
        passages: list[tuple[int, int, int, int, int, float]] = []  # pair k, then the span
        for k, (a, b) in enumerate(pairs):
            plain = kind[k]
            if not plain:
                continue
            ta, tb = tokens[a], tokens[b]
            wa, wb = ta.coded, tb.coded  # strings of codes (see `Vocabulary`)
            if type(wa) is not type(wb):  # one holds a word without a code: as words
                wa, wb = ta.words, tb.words
            if plain == 1:  # what `align_seeds` does with one chain
                span = _align(wa, wb, a0[k], min(a1[k], len(wa)), b0[k], min(b1[k], len(wb)))
                if span is not None:
                    passages.append((k, *span))
            else:
                r0, r1 = runs[k], runs[k + 1]  # a pair's runs as lists (not a chunk's: ~80 MB)
                passages += [(k, *span) for span in _align_runs(wa, wb, list(zip(
                    ri[r0:r1].tolist(), rj[r0:r1].tolist(), rn[r0:r1].tolist(), strict=True)))]
        self._passages(pairs, passages, _covered(at, i, passages), times or [1] * len(pairs))

    def _passages(self, pairs: list[tuple[int, int]],
                  passages: list[tuple[int, int, int, int, int, float]], covered: list[int],
                  times: list[int]) -> None:
        """Keep the passages pairs of documents share (`passages`: pair k, then its span in
        words) that are reuse, the others counted as boilerplate (`times[k]` each: the
        pairs pair k stands for); `covered`: the words of each that rare runs cover
        (`_covered`)."""
        state, tokens = self.state, self.tokens
        # the word bounds of the documents whose passages count, found many at a time
        _words.find_bounds([tokens[s] for s in dict.fromkeys(
            s for (k, a0, a1, *_), n in zip(passages, covered, strict=True)
            if n >= MIN_COVERED and n * COVERED_SHARE >= a1 - a0 for s in pairs[k])])
        # the same passage of a document is often found with several partners (at `250k`,
        # half of those a chunk keeps): what its words and text make of it told once
        told: dict[tuple[int, int, int], tuple[int, int] | None] = {}
        for (k, a0, a1, b0, b1, sim), n in zip(passages, covered, strict=True):
            if n < MIN_COVERED or n * COVERED_SHARE < a1 - a0:
                state.dropped += times[k]  # mostly common words: a formula with a few rare ones
                continue
            a, b = pairs[k]
            if (a, a0, a1) not in told:
                told[a, a0, a1] = self._not_boilerplate(a, a0, a1)
            chars = told[a, a0, a1]
            if chars is None:
                state.dropped += times[k]
                continue
            ta, tb = tokens[a], tokens[b]
            if ((a0 < EDGE_WORDS or a1 > len(ta.coded) - EDGE_WORDS)
                    and (b0 < EDGE_WORDS or b1 > len(tb.coded) - EDGE_WORDS)):
                # left out, but kept: an edit may move it off the edge (`EDGE`)
                state.dropped += times[k]
                sim = -sim
            self.found.append(((a, *chars, b, tb.span(b0)[0], tb.span(b1 - 1)[1]), sim))

    def _not_boilerplate(self, a: int, a0: int, a1: int) -> tuple[int, int] | None:
        """Return the characters of document a's words a0 to a1, or None when they are
        `boilerplate`, told from the words already at hand: the words of a document between
        two of its words' spans are those of the text between them (the spans found only
        for a passage its words do not already tell: a document's spans split its text)."""
        ta = self.tokens[a]
        if _procedural(ta.coded[a0:a1]):
            return None
        ca0, ca1 = ta.span(a0)[0], ta.span(a1 - 1)[1]
        return None if _CONTACTS[self._text(a)[ca0:ca1]] else (ca0, ca1)
