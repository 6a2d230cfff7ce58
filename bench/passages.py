"""Passages to paste: normalised text, records by source, seeded drawing and relevance sets.

A passage is 8 to 30 consecutive words of one paragraph of a real record, drawn with a seeded
generator, stratified by source (each source gives the same number of passages, so Hansard's
40,000 speech turns do not swamp drupalfr's two PDFs) and never from boilerplate: formulas
(« La séance est ouverte »), stage directions, headers, contact blocks, upper-case speaker
labels, and any paragraph or passage repeated across records.

Two disjoint sets are drawn: `dev`, which may be tuned on, and `heldout`, which must not.
Where a source has enough records, its records are dealt between the two sets, so a held-out
passage comes from a document never seen in dev; otherwise the passages alternate.

The relevant set of a passage is every record whose normalised text (casefolded, accents and
ligatures folded, punctuation removed, whitespace collapsed) holds the passage's normalised
text between word boundaries: the `250k` corpus recombines real paragraphs, so a passage may
stand in several records.
"""

from __future__ import annotations

import random
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field

from bench.docs import BenchDoc
from bench.expand import paragraphs

SPLITS = ("dev", "heldout")
MIN_WORDS, MAX_WORDS = 8, 30
SPLIT_BY_RECORD_FROM = 4  # records a source needs for its records to be dealt between sets
REPEATED = 3  # a paragraph or passage in this many records or more is boilerplate
FORMULA_WORDS = 8  # a passage whose start, middle or end (this many words) is repeated

# The sources of ../shared/corpus as the bench lays them out (`bench.corpora`); any other
# folder (the demo corpus) is a source named after itself. Recombined records are not drawn.
SOURCES = {
    "luxleaks-communiques": "luxleaks releases",
    "drupalfr-dcrennes2024-presse": "drupalfr press",
    "tei": "TEI debates",
    "hansard": "Hansard sittings",
}
VIE_PUBLIQUE = "vie-publique-discours"
INTERVIEWS = {"interview", "entretien"}
SYNTHETIC = "synthetic"

_NON_WORD = re.compile(r"[\W_]+")
_HAS_WORD = re.compile(r"\w")
_LIGATURES = {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"}


_COMBINING = re.compile("[\u0300-\u036f]+")
# Bytes of the ASCII text: letters lower-cased, digits kept, anything else a word break.
_WORD_BYTES = bytes(c + 32 if 65 <= c <= 90 else c if (97 <= c <= 122 or 48 <= c <= 57)
                    else 32 for c in range(256))


def fold_accents(text: str) -> str:
    """Return `text` with accents dropped and the ligatures œ, æ spelt out; case kept.

    >>> fold_accents("Cœur d’Éléphant, ça")
    'Coeur d’Elephant, ca'
    """
    if text.isascii():
        return text
    for ligature, letters in _LIGATURES.items():
        text = text.replace(ligature, letters)
    return unicodedata.normalize("NFC", _COMBINING.sub("", unicodedata.normalize("NFKD", text)))


def normalise(text: str) -> str:
    """Return the form passages are compared in: casefolded, accents and ligatures folded,
    punctuation removed (as a word break), whitespace collapsed.

    Whole-string operations only (NFKD, then bytes), so that the 250k corpus is normalised
    in seconds; a letter outside Latin scripts counts as a word break.

    >>> normalise("« L’État, c’est NOUS ! »  Œuvre-t-il ?")
    'l etat c est nous oeuvre t il'
    """
    data = fold_accents(text).encode("ascii", "replace").translate(_WORD_BYTES)
    return " ".join(data.decode("ascii").split())


def passage_source(doc: BenchDoc) -> str | None:
    """Return the source (stratum) a record is drawn from, or None for a recombined record.

    vie-publique is two sources: its interviews and its other statements (speeches,
    declarations, Conseil des ministres, communiqués).
    """
    top = doc.source.split("/", 1)[0]
    if top == SYNTHETIC:
        return None
    if top == VIE_PUBLIQUE:
        kind = (doc.kind or "").lower()
        return "vie-publique interviews" if kind in INTERVIEWS else "vie-publique speeches"
    return SOURCES.get(top, top)


class TextIndex:
    """Normalised record texts joined in one string, to find the records holding a passage."""

    def __init__(self, docs: Iterable[BenchDoc]):
        parts: list[str] = []
        self.ids: list[str] = []
        self.starts: list[int] = []
        position = 0
        for doc in docs:
            part = f" {normalise(doc.text)} "
            parts.append(part)
            self.ids.append(doc.id)
            self.starts.append(position)
            position += len(part) + 1
        # Records are separated by a line break, which no normalised text holds.
        self.text = "\n".join(parts)

    def __len__(self) -> int:
        return len(self.ids)

    def containing(self, normalised: str, limit: int | None = None) -> list[str]:
        """Return the ids of the records holding `normalised` between word boundaries
        (each once, in index order), at most `limit`."""
        if not normalised:
            return []
        needle, found, position = f" {normalised} ", [], 0
        while limit is None or len(found) < limit:
            at = self.text.find(needle, position)
            if at < 0:
                break
            record = bisect_right(self.starts, at) - 1
            found.append(self.ids[record])
            position = (self.starts[record + 1] if record + 1 < len(self.starts)
                        else len(self.text))
        return found


@dataclass
class Passage:
    """One passage to paste, and the variants a user would type instead."""

    id: str
    split: str
    source: str
    record: str
    text: str  # the words of the source, whitespace collapsed
    variants: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """Return the passage as plain data."""
        return asdict(self)


# Procedure, stage directions and page furniture, on normalised text.
BOILERPLATE = re.compile(r"\b(?:" + "|".join([
    r"la seance est (?:ouverte|levee|suspendue|reprise)",
    r"(?:la )?seance (?:est )?(?:levee|suspendue)",
    r"la parole est a",
    r"ordre du jour",
    r"prochaine seance",
    r"(?:resultat|nombre de votants|suffrages exprimes|majorite absolue|mise aux voix)",
    r"(?:mettre|mets|met|mis) aux voix",
    r"mesures d ordre individuel",
    r"(?:l amendement|la motion|le sous amendement|l article) (?:n \w+ )?(?:est|n est pas) "
    r"(?:adopte|rejete)e?",
    r"(?:applaudissements|exclamations|protestations|rires|murmures|interruptions) sur",
    r"s etant leves",
    r"appel du timbre",
    r"(?:le|la) president(?:e)? suppleant",
    r"son honneur le president",
    r"communique de presse",
    r"contacts? presse",
    r"dossier de presse",
    r"version pdf",
    r"lire la suite",
    r"source http",
]) + r")\b")
_FORBIDDEN = set("()[]{}<>|*#=/\\@")
_MARKERS = {"Q", "R", "Q.", "R.", "Q:", "R:"}
_SENTENCE_END = re.compile(r"[.!?…:»]$")


def is_content_word(word: str) -> bool:
    """Return True for a word that carries meaning: 4+ letters, not a stop word."""
    from indexer.analysis import STOP_WORDS

    return len(word) >= 4 and word.isalpha() and normalise(word) not in STOP_WORDS


def clean_window(words: Sequence[str]) -> bool:
    """Return True when a window of words looks like something a person would quote: no
    markup, links or brackets, at most two numbers, at most one upper-case word of 4+ letters
    (speaker labels in interviews are written in capitals), four content words or more."""
    text = " ".join(words)
    if _FORBIDDEN.intersection(text) or "http" in text or "www." in text:
        return False
    if _MARKERS.intersection(words):  # interview transcripts' Q / R marks
        return False
    if sum(any(c.isdigit() for c in w) for w in words) > 2:
        return False
    cores = [_NON_WORD.sub("", w) for w in words]
    if sum(len(c) >= 4 and c.isupper() for c in cores) > 1:
        return False
    return sum(is_content_word(c) for c in cores) >= 4


_FULL_STOP = re.compile(r"[.!?…]$")
_OPENERS, _CLOSERS = "«“\"'([", "»”\")]"


def _sentence_edges(words: Sequence[str], first: int, end: int) -> tuple[int, int]:
    """Return the window without one or two words carried over a full stop at either end
    (« … du régime. Le » ends at « régime. »), when enough words remain."""
    breaks = [k + 1 for k in range(first, end - 1) if _FULL_STOP.search(words[k])]
    if breaks and breaks[0] - first <= 2 and end - breaks[0] >= MIN_WORDS:
        first = breaks[0]
    if breaks and end - breaks[-1] <= 2 and breaks[-1] - first >= MIN_WORDS:
        end = breaks[-1]
    return first, end


def _trim(text: str) -> str:
    """Return a passage without opening marks at its start, nor a comma, colon or unmatched
    closing mark at its end: what a person selects to quote.

    >>> _trim("“qu’est-ce que c’est, »")
    'qu’est-ce que c’est'
    >>> _trim("« Nous refusons. »"), _trim("il a dit « non » ;")
    ('Nous refusons.', 'il a dit « non »')
    """
    text = text.lstrip(_OPENERS + " ")
    while text and (text[-1] in ",;: " or (text[-1] in _CLOSERS and not any(
            c in text for c in _OPENERS if c not in "'"))):
        text = text[:-1]
    return text


@dataclass
class _Paragraph:
    words: list[str]  # whitespace-separated chunks holding a word character
    starts: list[int]  # indexes of the words that open a sentence


def _paragraph(text: str) -> _Paragraph:
    chunks = [c for c in text.split() if _HAS_WORD.search(c)]
    starts = [i for i, c in enumerate(chunks)
              if c[:1].isupper() and (i == 0 or _SENTENCE_END.search(chunks[i - 1]))]
    return _Paragraph(chunks, starts)


class Drawer:
    """Draws passages from the real records of a corpus (seeded, deterministic)."""

    def __init__(self, docs: Sequence[BenchDoc], index: TextIndex, seed: int,
                 make_variants: Callable[[Passage], dict[str, str]] | None = None):
        """`docs` are the real records (no recombined ones), `index` their `TextIndex`;
        `make_variants(passage)` returns the variants of a drawn passage."""
        self.seed = seed
        self.index = index
        self.make_variants = make_variants
        self.by_source: dict[str, list[BenchDoc]] = {}
        for doc in sorted(docs, key=lambda d: d.id):
            source = passage_source(doc)
            if source is not None:
                self.by_source.setdefault(source, []).append(doc)
        counts: Counter[str] = Counter()
        for doc in docs:
            counts.update({normalise(p) for p in paragraphs(doc.text)})
        self.repeated = {p for p, n in counts.items() if n >= REPEATED}
        self._eligible: dict[str, list[_Paragraph]] = {}
        self._used: set[str] = set()
        self._spans: dict[tuple[str, int], list[tuple[int, int]]] = {}

    def eligible(self, doc: BenchDoc) -> list[_Paragraph]:
        """Return the paragraphs of a record a passage may come from."""
        if doc.id not in self._eligible:
            kept = []
            for text in paragraphs(doc.text):
                norm = normalise(text)
                if norm in self.repeated or BOILERPLATE.search(norm):
                    continue
                para = _paragraph(text)
                if len(para.words) >= MIN_WORDS:
                    kept.append(para)
            self._eligible[doc.id] = kept
        return self._eligible[doc.id]

    def _try(self, doc: BenchDoc, rng: random.Random) -> tuple[str, int, int, int] | None:
        """Return (text, paragraph number, first word, end) of one candidate, or None."""
        paras = self.eligible(doc)
        number = rng.randrange(len(paras))
        para = paras[number]
        size = rng.randint(MIN_WORDS, MAX_WORDS)
        starts = [s for s in para.starts if len(para.words) - s >= MIN_WORDS]
        if starts and rng.random() < 0.5:  # half the quotations open a sentence
            first = rng.choice(starts)
        else:
            first = rng.randrange(len(para.words) - MIN_WORDS + 1)
        end = min(len(para.words), first + size)
        first, end = _sentence_edges(para.words, first, end)
        words = para.words[first:end]
        if not clean_window(words):
            return None
        for low, high in self._spans.get((doc.id, number), []):
            if first < high and low < end:
                return None
        text = _trim(" ".join(words))
        norm = normalise(text)
        if norm in self._used or BOILERPLATE.search(norm):
            return None
        words = norm.split()
        heads = {0, (len(words) - FORMULA_WORDS) // 2, len(words) - FORMULA_WORDS}
        for head in sorted(heads):  # a formula said again and again, or opening a passage
            window = " ".join(words[head : head + FORMULA_WORDS])
            if len(self.index.containing(window, limit=REPEATED)) >= REPEATED:
                return None
        return text, number, first, end

    def _draw(self, records: list[BenchDoc], count: int,
              rng: random.Random) -> list[tuple[str, str]]:
        """Return up to `count` (record id, passage text) drawn from `records`."""
        records = [d for d in records if self.eligible(d)]
        out: list[tuple[str, str]] = []
        attempts = 0
        while records and len(out) < count and attempts < 100 * count:
            attempts += 1
            doc = records[rng.randrange(len(records))]
            found = self._try(doc, rng)
            if found is None:
                continue
            text, number, first, end = found
            self._spans.setdefault((doc.id, number), []).append((first, end))
            self._used.add(normalise(text))
            out.append((doc.id, text))
        return out

    def draw(self, per_source: int) -> dict[str, list[Passage]]:
        """Return {"dev": [...], "heldout": [...]}: up to `per_source` passages of each source
        in each set (fewer when a source has no more clean, distinct text)."""
        out: dict[str, list[Passage]] = {split: [] for split in SPLITS}
        for source in sorted(self.by_source):
            usable = [d for d in self.by_source[source] if self.eligible(d)]
            drawn: dict[str, list[tuple[str, str]]] = {}
            if len(usable) >= SPLIT_BY_RECORD_FROM:
                dealt = list(usable)
                random.Random(f"{self.seed}/{source}").shuffle(dealt)
                for i, split in enumerate(SPLITS):
                    records = sorted(dealt[i::2], key=lambda d: d.id)
                    drawn[split] = self._draw(records, per_source,
                                              random.Random(f"{self.seed}/{source}/{split}"))
            else:  # too few records to deal: the passages alternate between the sets
                both = self._draw(usable, 2 * per_source, random.Random(f"{self.seed}/{source}"))
                drawn = {split: both[i::2] for i, split in enumerate(SPLITS)}
            slug = _NON_WORD.sub("-", normalise(source))
            for split, found in drawn.items():
                for k, (record, text) in enumerate(found):
                    passage = Passage(f"{split}-{slug}-{k:03d}", split, source, record, text)
                    if self.make_variants:
                        passage.variants = self.make_variants(passage)
                    out[split].append(passage)
        return out

    def split_method(self, source: str) -> str:
        """Return how a source's passages were divided between the sets."""
        usable = [d for d in self.by_source.get(source, []) if self.eligible(d)]
        return "records dealt" if len(usable) >= SPLIT_BY_RECORD_FROM else "passages alternate"
