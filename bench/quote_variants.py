"""How people change a quotation they paste: the variants of a passage, seeded.

* `as_said`: the words of the source;
* `quotes`: wrapped in quotation marks (« … », “…” or "…", seeded), apostrophes swapped
  between ' and ’;
* `case_accents`: lower case, accents dropped, œ → oe (all capitals when that changes
  nothing, as in Hansard's unaccented mid-sentence text);
* `punctuation`: each punctuation mark dropped or changed for another (a comma and an
  ellipsis added when the passage has none);
* `replace_1`: one content word replaced by a plausible one: a synonym from a small French
  list, else a word of the corpus vocabulary with the same ending and a similar frequency;
* `drop_2`: two words left out;
* `fragment_7`: seven consecutive words, preferably a run that no other record holds;
* `swap_replace`: two neighbouring words swapped, and another word replaced.
* `attributed`: pasted with who said it, as articles and posts print a quotation (the
  record's first speaker, seeded form): « Darmanin : « … » », « Gérald Darmanin : … »,
  « Darmanin a dit « … » », « « … » (Gérald Darmanin) », « « … », a déclaré Gérald
  Darmanin »; « qui a dit « … » » when the record names nobody;
* `attributed_replace`: pasted with who said it, one word misremembered (as `replace_1`);
* `ellipsis`: a cut inside the passage marked as articles mark it (« […] », « (...) »,
  « … »): two to six words left out between two parts kept;
* `typos_2`: two words mistyped, one key each (two letters swapped, one left out or doubled,
  one struck for its neighbour on an AZERTY keyboard), as when retyping what one heard;
* `replace_3`: three content words misremembered (as `replace_1`, three times);
* `joined`: the passage and a later sentence of its record joined as one quotation, the
  sentence between them left out without a mark, as articles stitch a quotation; when the
  record has no such sentence, three to six words inside the passage left out, unmarked;
* `incise`: the passage without marks, then who said it after a comma, the verb first as
  French prints it (« …, a reconnu Gérald Darmanin », « …, selon Darmanin », « …, a-t-il
  ajouté »: no name), its last mark of punctuation left out;
* `bracketed`: the editor's words between square brackets, as articles clarify a quotation:
  a pronoun (or, without one, a content word) replaced by a clarification (« [le
  gouvernement] a toujours réussi »), a clarification inserted, or « [sic] » after a word;
* `incised`: who said it in an incise between two parts of the passage, within its marks, between
  two pairs or unmarked (« « …, a déclaré X. … » », « « … », a expliqué X. « … » »,
  « …, a ajouté X, … »; « a-t-il ajouté » when the record names nobody);
* `reacted`: who said it with the verbs the press uses beyond « dire » and « déclarer »
  (« « … », a dénoncé X », « X s'est indignée : « … » », « « … », regrette X. »,
  « « … », a-t-elle fustigé » when the record names nobody);
* `by_function`: who said it by their function, not their name, as articles name officials
  (« La ministre de la culture : « … » », « Pour le maire de Lyon, « … » », « « … », a
  déclaré le président du comité »: the function up to its first comma); by name, as
  `attributed`, when the record gives its speaker no function.
* `framed`: who said it in an article's own phrase, no verb of speech between (« X n'a pas
  mâché ses mots : « … » », « « … », a tenu à rappeler X », « X regrette vivement que
  « … » »), or after the words unmarked (« … (X) », « … — X »), or several people no one
  names (« « … », ont fait valoir ses proches »).
* `captioned`: who said it as a caption, a quotations site or a post prints it (« Citation
  de X : « … » », « Extrait du discours de X à Paris : « … » », « « … » dixit X »,
  « « … » X », « Le 12 mars, à Paris, X a déclaré : « … » »).
* `led`: the passage unmarked, who said it first, as a lead introduces words it reports
  (« Selon X, … », « D'après X, … », « Comme l'a dit X, … »).
* `headlined`: who said it as a press headline or a post frames the words, with no verb of
  speech and often no colon (« Clément Beaune tacle « … » », « Le ministre fustige « … » »,
  « X étrille le gouvernement : « … » », « « … » : X recadre la majorité », « « … », la
  réponse cinglante de X », « Retraites : X persiste et signe : « … » »).
* `bare`: who said it typed in a hurry before the words, nothing between them, as the search
  box gets it (« Darmanin nous sommes en guerre … », « Gérald Darmanin Nous sommes … »).
* `checked`: a yes-or-no question naming who is said to have said it, as a journalist checks
  an attribution (« Est-ce que X a dit « … » ? », « C'est X qui a dit … ? », « Est-il vrai
  que X a déclaré : « … » ? »); « Qui a dit « … » ? » when the record names nobody.
* `hyphenated`: copied from a PDF, one or two long words broken by the hyphen that ended a
  printed line, the break copied with it (« cou-⏎per », « cou- per ») or lost (« cou-per »).
* `headlined_any`: a press headline's framing with no colon, the verb one of the press's
  beyond those `headlined` uses and those the readers of session 46 name (« Clément Beaune
  allume « … » », « Beaune rembarre encore « … » », « VIDÉO. X démolit "…" »).
* `asked`: the journalist asks who said it or names the phrase, marked or not (« Qui a dit
  « … » ? », « qui a dit … », « De qui est cette phrase : « … » ? », « D'où vient la phrase
  « … » ? »); with a guess of two names, which gives the words to neither (« Qui a dit, X ou
  Y, « … » ? », « qui a dit …, X ou Y ? »); or naming the phrase as the record's speaker's,
  which does (« La phrase de X « … » », « La phrase qu'a prononcée X : « … » »).
* `rubric`: a press headline opening on a rubric — a topic or a label — then who said it
  (« Retraites : Macron « … » », « Europe. Barnier : « … » », « INTERVIEW. Le Maire :
  « … » », « VIDÉO - Castex : « … » », « Brexit : pour Michel Barnier, « … » »,
  « Covid-19 : Véran prévient « … » »); a label alone before the words when the record names
  nobody (« VIDÉO. « … » »).
* `named_unmarked`: the phrase named as someone's, the words unmarked after a colon (« La
  phrase de Macron : il faut … », « La citation de X : … »); « De qui est cette phrase :
  … » when the record names nobody.
* `attributed_loose`: pasted with who said it, misremembered more than `attributed_replace`:
  three changes (four in a passage of sixteen words or more), each a content word replaced
  (as `replace_1`), a word left out or two neighbouring words swapped, framed as articles and
  leads print it (« Selon X, … », « X : « … » », « X a dit que … », « « … », a déclaré X »).
* `led_more`: the passage unmarked after a lead's « Pour X, … » (the name, the surname, the
  name and its function) or « Selon », « D'après » before the surname, its first letter as
  said or lowered.
* `led_loose`: a lead's frames of `led` and `led_more`, the passage misremembered as in
  `attributed_loose`.
* `rubric_alone`: a press headline's topic alone before the words between marks, no name
  (« Dette : « … » », « Fin de vie. « … » », « JO 2024 - « … » »): nobody is named.
* `media_headed`: who said it heading the line, then the newspaper or the station that
  printed the words, then the words between marks (« Claire Aubertin : Libération
  « … » »).
* `named_dash`: who said it heading the line, then a full stop or a dash where `attributed`
  has a colon, then the words between marks (« Sophie Lemaire-Dufour – « … » »,
  « Darmanin. « … » »); a headline's topic so heading it when the record names nobody.
* `rubric_dash`: a headline's topic alone, then a full stop or a dash, hyphen, en or em
  (« Déficit – « … » », « Vaccination. « … » »), then the words between marks: nobody
  is named.
* `capitals_dash`: who said it in capitals, as wires, posts and rolling news print a name,
  then a dash (« CASTEX – « … » », « JEAN CASTEX - « … » »); a news agency's label in its
  place when the record names nobody (« AFP – « … » », « Reuters - « … » »): the agency
  printed the words, it did not say them.
* `labelled`: a press label, a newspaper's or an agency's name heading the line, whoever
  said the words, then a colon, a full stop or a dash (« AFP : « … » », « ZOOM - « … » »,
  « Le Monde. « … » »): nobody is named. Half its labels are the press's rubrics in
  capitals beyond those the earlier forms type (« ZOOM », « REPÈRES », « BILLET »).
* `named_topic`: who said it, then a keyword of the subject in lower case, then a colon
  (« Aubertin retraites : « … » », « Gérald Darmanin immigration : « … » »), as a journalist
  notes a quotation by speaker and subject; the keyword capitalised alone when the record
  names nobody (« Retraites : « … » »).

Every variant depends only on the passage, the seed and the vocabulary of the real records,
so the `real` and `250k` corpora get the same variants.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bench.passages import fold_accents, is_content_word, normalise

VARIANTS = ("as_said", "quotes", "case_accents", "punctuation", "replace_1", "drop_2",
            "fragment_7", "swap_replace", "attributed",
            "attributed_replace", "ellipsis", "typos_2", "replace_3", "joined",
            "incise", "bracketed", "incised", "by_function", "reacted", "headline",
            "office", "in_context", "framed", "captioned", "led", "headlined",
            "bare", "hyphenated", "checked", "headlined_any", "asked", "rubric",
            "named_unmarked", "attributed_loose", "led_more", "led_loose", "rubric_alone",
            "media_headed", "named_dash", "rubric_dash", "capitals_dash", "labelled",
            "named_topic")
LABELS = {
    "as_said": "as said",
    "quotes": "quotes, apostrophes",
    "case_accents": "case, accents, œ",
    "punctuation": "punctuation",
    "replace_1": "one word replaced",
    "drop_2": "two words dropped",
    "fragment_7": "fragment of 7 words",
    "swap_replace": "two swapped + one replaced",
    "attributed": "with who said it",
    "attributed_replace": "with who said it, one word replaced",
    "ellipsis": "a cut marked […]",
    "typos_2": "two words mistyped",
    "replace_3": "three words replaced",
    "joined": "two sentences joined, one between left out",
    "incise": "unmarked, who said it after a comma",
    "bracketed": "the editor's words in brackets",
    "incised": "who said it in an incise, mid-passage",
    "by_function": "who said it by their function",
    "reacted": "who said it, the press's other verbs",
    "headline": "who said it, a headline's present tense",
    "office": "who said it by the press's name for an office",
    "in_context": "who said it, with when and where",
    "framed": "who said it, in the article's own phrase",
    "captioned": "who said it, as a caption or a post prints it",
    "led": "unmarked, who said it first (« Selon X, … »)",
    "headlined": "who said it, as a press headline frames it (« X tacle « … » »)",
    "bare": "who said it, then the words, nothing between",
    "hyphenated": "copied from a PDF, a word broken at a line's end",
    "checked": "a yes-or-no question naming who said it",
    "headlined_any": "who said it, a headline's verb of any kind, no colon",
    "asked": "asked who said it, or the phrase named (« Qui a dit « … » ? »)",
    "rubric": "a headline's rubric, then who said it (« Retraites : X « … » »)",
    "named_unmarked": "the phrase named as someone's, unmarked (« La phrase de X : … »)",
    "attributed_loose": "with who said it, several words misremembered",
    "led_more": "unmarked, « Pour X, … » or a surname first",
    "led_loose": "unmarked, who said it first, several words misremembered",
    "rubric_alone": "a headline's topic alone before the words (« Covid-19 : « … » »)",
    "media_headed": "who said it, then the newspaper (« X : Libération « … » »)",
    "named_dash": "who said it, then a full stop or a dash (« X – « … » »)",
    "rubric_dash": "a headline's topic, then a full stop or a dash (« Déficit – « … » »)",
    "capitals_dash": "who said it in capitals, then a dash (« CASTEX – « … » »)",
    "labelled": "a press label or an agency, any separator (« AFP : « … » »)",
    "named_topic": "who said it, then a subject's keyword (« Aubertin retraites : « … » »)",
}
FRAGMENT = 7
QUOTE_STYLES = ("«\u00a0{}\u00a0»", "“{}”", '"{}"')
PUNCTUATION = ",;:.!?…"
_CHUNK = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)

# Synonyms a journalist might type from memory (the inflected form as it stands in a text).
SYNONYMS_TEXT = """
recommande: conseille | recommandons: conseillons | conseille: recommande
important: essentiel, capital | importante: essentielle | importants: essentiels
essentiel: important | essentielle: importante | fondamental: essentiel
aujourd'hui: maintenant | maintenant: aujourd'hui | actuellement: aujourd'hui
pays: nation | nation: pays | grand: gros | grande: vaste | grands: gros
petit: modeste | petite: modeste | nouveau: nouvel | nouvelle: récente | nouvelles: récentes
faire: réaliser | fait: réalisé | faut: doit | doit: faut | devons: devrons | pouvons: pourrons
veux: souhaite | voulons: souhaitons | souhaite: veux | souhaitons: voulons | voudrais: souhaiterais
crois: pense | pense: crois | pensons: croyons | croyons: pensons | sais: connais
dire: affirmer | dit: affirmé | disons: affirmons | parler: discuter | parle: discute
besoin: nécessité | problème: difficulté | problèmes: difficultés | difficulté: problème
question: sujet | questions: sujets | sujet: thème | enjeu: défi | enjeux: défis | défi: enjeu
gouvernement: exécutif | ministre: secrétaire | président: chef | président: dirigeant
monde: planète | France: nation | Français: citoyens | français: citoyens | citoyens: Français
travail: emploi | emploi: travail | emplois: postes | entreprises: sociétés | entreprise: société
argent: fonds | moyens: ressources | ressources: moyens | millions: milliards | milliards: millions
crise: épreuve | situation: conjoncture | moment: instant | période: phase | temps: moment
toujours: encore | encore: toujours | jamais: guère | vraiment: réellement | très: fort
beaucoup: énormément | ensemble: collectivement | simplement: seulement | seulement: uniquement
rapidement: vite | vite: rapidement | clairement: nettement | évidemment: naturellement
mesure: limite | mesures: dispositions | décision: choix | décisions: choix | choix: décision
politique: action | action: politique | projet: plan | plan: projet | réforme: refonte
loi: texte | texte: projet | règles: normes | droit: loi | droits: libertés | liberté: droit
sécurité: protection | protection: sécurité | santé: hygiène | école: éducation
européenne: communautaire | Europe: Union | économie: croissance | croissance: économie
territoire: pays | région: territoire | ville: commune | villes: communes | État: pouvoir
aider: soutenir | soutenir: aider | soutien: appui | aide: soutien | accompagner: aider
permettre: autoriser | permet: autorise | protéger: défendre | défendre: protéger
engagement: promesse | engagements: promesses | objectif: but | objectifs: buts | but: objectif
difficile: dur | difficiles: durs | simple: facile | possible: envisageable
nécessaire: indispensable | fort: puissant | forte: puissante | clair: net | claire: nette
juste: équitable | victimes: personnes | personnes: gens | gens: personnes
femmes: citoyennes | enfants: jeunes | jeunes: enfants | familles: foyers | famille: foyer
Monsieur: Madame | Madame: Monsieur
sénateurs: parlementaires | députés: élus | Chambre: Assemblée | collègues: amis
mariage: union | couples: ménages | parents: familles | homosexuels: couples
"""


def _synonyms(text: str) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for item in text.replace("\n", "|").split("|"):
        if ":" in item:
            word, others = item.split(":", 1)
            table.setdefault(word.strip(), []).extend(o.strip() for o in others.split(","))
    return table


SYNONYMS = _synonyms(SYNONYMS_TEXT)


@dataclass
class Vocabulary:
    """The content words of the real records with their document frequencies."""

    df: dict[str, int]

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Vocabulary:
        """Count, for each lower-case content word, the texts that hold it."""
        df: Counter[str] = Counter()
        for text in texts:
            df.update(set(re.findall(r"\w+", text.lower())))
        return cls({w: n for w, n in df.items() if is_content_word(w)})

    def __post_init__(self) -> None:
        self.by_ending: dict[str, list[str]] = {}
        for word in sorted(self.df):
            self.by_ending.setdefault(_ending(word), []).append(word)

    def replacement(self, word: str, rng: random.Random) -> str:
        """Return a plausible word in place of `word` (never a form of the same word)."""
        lower = word.lower()
        choices = SYNONYMS.get(word) or SYNONYMS.get(lower)
        if not choices:
            # Same ending (often the same part of speech and inflection), similar length and
            # frequency: « annoncé » for « proposé », not a rare word of another kind.
            df = self.df.get(lower, 1)
            same = [w for w in self.by_ending.get(_ending(lower), [])
                    if not _same_stem(w, lower) and abs(len(w) - len(lower)) <= 3]
            close = [w for w in same if df / 4 <= self.df[w] <= df * 4 and self.df[w] >= 2]
            choices = close or same or [w for w in sorted(self.df) if not _same_stem(w, lower)
                                        and abs(len(w) - len(lower)) <= 3]
        if not choices:
            return word + "s"
        found = rng.choice(choices)
        if word.isupper() and len(word) > 1:
            return found.upper()
        return found[:1].upper() + found[1:] if word[:1].isupper() else found


def _ending(word: str) -> str:
    return normalise(word)[-3:]


def _same_stem(a: str, b: str) -> bool:
    return normalise(a)[:4] == normalise(b)[:4]


def _split(chunk: str) -> tuple[str, str, str]:
    lead, core, trail = _CHUNK.match(chunk).groups()
    return lead, core, trail


def _words(text: str) -> list[str]:
    """Return the whitespace-separated chunks of a passage (punctuation attached)."""
    return text.split()


def _is_word(chunk: str) -> bool:
    return any(c.isalnum() for c in chunk)


def _replaceable(chunks: list[str], avoid: set[int]) -> list[int]:
    return [i for i, c in enumerate(chunks)
            if i not in avoid and is_content_word(_split(c)[1])]


def _replace(chunks: list[str], i: int, vocab: Vocabulary, rng: random.Random) -> None:
    lead, core, trail = _split(chunks[i])
    chunks[i] = lead + vocab.replacement(core, rng) + trail


def quotes(text: str, rng: random.Random) -> str:
    """Wrap in quotation marks (seeded style) and swap the apostrophes ' and ’."""
    swapped = text.translate({ord("'"): "’", ord("’"): "'"})
    return rng.choice(QUOTE_STYLES).format(swapped)


def case_accents(text: str) -> str:
    """Lower case, accents dropped, ligatures spelt out; all capitals if that changes nothing."""
    changed = fold_accents(text).lower()
    return changed if changed != text else text.upper()


def punctuation(text: str, rng: random.Random) -> str:
    """Drop or change each punctuation mark; add some when there is none."""
    out, touched = [], False
    for i, c in enumerate(text):
        if c in PUNCTUATION:
            touched = True
            if rng.random() < 0.5:
                if out and out[-1] == " " and (i + 1 == len(text) or text[i + 1] == " "):
                    out.pop()  # « mot ; suite » → « mot suite », not two spaces
                continue
            c = rng.choice([p for p in PUNCTUATION if p != c])
        out.append(c)
    if not touched:
        chunks = _words(text)
        spot = rng.randrange(len(chunks) - 1)
        chunks[spot] += ","
        return " ".join(chunks) + "…"
    return " ".join("".join(out).split())


def replace_one(text: str, vocab: Vocabulary, rng: random.Random) -> str:
    """Replace one content word by a plausible one."""
    chunks = _words(text)
    spots = _replaceable(chunks, set()) or [i for i, c in enumerate(chunks) if _is_word(c)]
    _replace(chunks, rng.choice(spots), vocab, rng)
    return " ".join(chunks)


def drop_two(text: str, rng: random.Random) -> str:
    """Leave out two words."""
    chunks = _words(text)
    dropped = set(rng.sample([i for i, c in enumerate(chunks) if _is_word(c)], 2))
    return " ".join(c for i, c in enumerate(chunks) if i not in dropped)


def fragment(text: str, rng: random.Random, unique: Callable[[str], bool] | None = None,
             size: int = FRAGMENT) -> str:
    """Return `size` consecutive words: the first run (in seeded order) that `unique` accepts,
    else the first run drawn. Leading and trailing punctuation is dropped, as when selecting
    words in a text."""
    chunks = _words(text)
    starts = list(range(len(chunks) - size + 1))
    rng.shuffle(starts)
    runs = [" ".join(chunks[s : s + size]) for s in starts]
    runs = [re.sub(r"^\W+|[^\w.!?…]+$", "", r) for r in runs]
    for run in runs:
        if unique is None or unique(run):
            return run
    return runs[0]


def swap_replace(text: str, vocab: Vocabulary, rng: random.Random) -> str:
    """Swap two neighbouring words (punctuation stays in place) and replace another one."""
    chunks = _words(text)
    pairs = [i for i in range(len(chunks) - 1)
             if _split(chunks[i])[1].lower() != _split(chunks[i + 1])[1].lower()]
    i = rng.choice(pairs)
    (lead_a, a, trail_a), (lead_b, b, trail_b) = _split(chunks[i]), _split(chunks[i + 1])
    if i == 0 and a[:1].isupper() and b[:1].islower() and not a[1:2].isupper():
        a, b = a[:1].lower() + a[1:], b[:1].upper() + b[1:]  # the sentence still opens
    chunks[i], chunks[i + 1] = lead_a + b + trail_a, lead_b + a + trail_b
    spots = _replaceable(chunks, {i, i + 1}) or [j for j, c in enumerate(chunks)
                                                  if _is_word(c) and j not in {i, i + 1}]
    _replace(chunks, rng.choice(spots), vocab, rng)
    return " ".join(chunks)


ELLIPSES = ("[…]", "(...)", "…", "[...]")


def ellipsis(text: str, rng: random.Random) -> str:
    """Leave out two to six words inside the passage (at most a third of it, two words kept
    on each side) and mark the cut, as an article shortens a quotation."""
    chunks = _words(text)
    size = rng.randint(2, max(2, min(6, len(chunks) // 3)))
    start = rng.randrange(2, max(3, len(chunks) - size - 1))
    kept = chunks[:start] + [rng.choice(ELLIPSES)] + chunks[start + size:]
    return " ".join(kept)


# Neighbours on an AZERTY keyboard, for a key struck instead of another
_AZERTY = ("azertyuiop", "qsdfghjklm", "wxcvbn")


def _neighbours(letter: str) -> str:
    for r, row in enumerate(_AZERTY):
        if (c := row.find(letter)) >= 0:
            near = row[max(0, c - 1):c] + row[c + 1:c + 2]
            for other in (_AZERTY[r - 1] if r else "", _AZERTY[r + 1] if r < 2 else ""):
                near += other[c:c + 1]
            return near
    return ""


def mistype(word: str, rng: random.Random) -> str:
    """Return `word` with one key wrong: two letters swapped, one left out, one doubled, or
    one struck for a neighbour; the first letter stays (one rarely mistypes it)."""
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("swap", "drop", "double", "neighbour"))
    if kind == "swap" and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "neighbour" and (near := _neighbours(word[i].lower())):
        return word[:i] + rng.choice(near) + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1:]


def typos(text: str, rng: random.Random, count: int = 2) -> str:
    """Mistype `count` words of five letters or more (content words first)."""
    chunks = _words(text)
    spots = [i for i in _replaceable(chunks, set()) if len(_split(chunks[i])[1]) >= 5]
    spots = spots or [i for i, c in enumerate(chunks) if len(_split(c)[1]) >= 3]
    for i in rng.sample(spots, min(count, len(spots))):
        lead, core, trail = _split(chunks[i])
        chunks[i] = lead + mistype(core, rng) + trail
    return " ".join(chunks)


def replace_three(text: str, vocab: Vocabulary, rng: random.Random) -> str:
    """Replace three content words by plausible ones (fewer when the passage has fewer)."""
    chunks = _words(text)
    spots = _replaceable(chunks, set()) or [i for i, c in enumerate(chunks) if _is_word(c)]
    for i in rng.sample(spots, min(3, len(spots))):
        _replace(chunks, i, vocab, rng)
    return " ".join(chunks)


# a sentence's end in a record, before the next one opens
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+(?=[«\"“(]?[A-ZÀ-ÖØ-Þ])")
JOINED_WORDS = (5, 25)  # the length of the sentence joined


def joined(text: str, record: str | None, rng: random.Random) -> str:
    """Join the passage and a sentence of `record` after it, one sentence at least left out
    between them, unmarked (« … durer 6 mois. Les températures … »); without one, leave out
    three to six words inside the passage, unmarked."""
    flat = " ".join((record or "").split())
    at = flat.find(text)
    if at >= 0:
        sentences = _SENTENCE_BREAK.split(flat[at + len(text):].strip())
        # the end of the passage's sentence (unless it ends one), one sentence left out, then
        # a sentence of 5-25 words among the next three
        ended = text[-1:] in ".!?…"
        skip = 1 if ended else 2
        later = [s for s in sentences[skip:skip + 3]
                 if JOINED_WORDS[0] <= len(s.split()) <= JOINED_WORDS[1]]
        if later:
            return f"{text}{'' if ended else '.'} {rng.choice(later)}"
    chunks = _words(text)
    size = rng.randint(3, max(3, min(6, len(chunks) // 3)))
    start = rng.randrange(2, max(3, len(chunks) - size - 1))
    return " ".join(chunks[:start] + chunks[start + size:])


# How a quotation is printed with its author: (name, surname) → the text pasted
ATTRIBUTIONS = (
    "{surname} : «\u00a0{text}\u00a0»",
    "{name} : {text}",
    "{surname} a dit «\u00a0{text}\u00a0»",
    "«\u00a0{text}\u00a0» ({name})",
    "“{text}”, a déclaré {name}",
    "{surname} : {text}",
)
UNATTRIBUTED = ("qui a dit «\u00a0{text}\u00a0»", "qui a dit {text}")
INCISES = (
    "{text}, a déclaré {name}.",
    "{text}, a reconnu {surname}",
    "{text}, estime {name}",
    "{text}, selon {surname}.",
    "{text}, a-t-il ajouté.",
)
# civilities and titles a journalist leaves out of a name (« M. Mac Harb » is « Mac Harb »)
_CIVILITY = re.compile(r"^(?:(?:M\.|MM\.|Mme|Mmes|Mlle|Me|Dr|L'hon\.|L’hon\.|Hon\.)\s+)+")
_PARTICLES = {"de", "du", "des", "d'", "d’", "la", "le", "von", "van"}


def attributed(text: str, speaker: str | None, rng: random.Random) -> str:
    """Paste the passage with who said it (`ATTRIBUTIONS`, seeded); a person by their name
    without civility, by their surname (last word) in the shorter forms; an organisation or
    a function (« Le Président », « Comité de soutien à Antoine Deltour ») whole."""
    name, surname = _as_typed(speaker)
    if not name:
        return rng.choice(UNATTRIBUTED).format(text=text)
    return rng.choice(ATTRIBUTIONS).format(text=text, name=name, surname=surname)


def _as_typed(speaker: str | None) -> tuple[str, str]:
    """Return a speaker's name as a journalist types it (no civility) and its short form: a
    person's surname (last word), an organisation's or a function's whole name."""
    name = _CIVILITY.sub("", " ".join((speaker or "").split()))
    words = name.split()
    person = all(w[:1].isupper() or w.lower() in _PARTICLES for w in words) and len(words) > 1
    return name, (words[-1] if person else name)


def incise(text: str, speaker: str | None, rng: random.Random) -> str:
    """Paste the passage unmarked with who said it after it (`INCISES`, seeded; names as
    `attributed` gives them; « a-t-il ajouté » when the record names nobody)."""
    name, surname = _as_typed(speaker)
    form = rng.choice(INCISES) if name else INCISES[-1]
    return form.format(text=text.rstrip(" .!?…;:,"), name=name, surname=surname)


INCISED = (
    "«\u00a0{a}, a déclaré {name}. {b}\u00a0»",
    "«\u00a0{a}\u00a0», a expliqué {name}. «\u00a0{b}\u00a0»",
    "{a}, a ajouté {surname}, {b}",
)


def incised(text: str, speaker: str | None, rng: random.Random) -> str:
    """Paste the passage with who said it in an incise between two parts of it (`INCISED`,
    seeded; each part three words or more); « a-t-il ajouté » when the record names nobody."""
    chunks = _words(text)
    if len(chunks) < 6:
        return incise(text, speaker, rng)
    at = rng.randrange(3, len(chunks) - 2)
    a, b = " ".join(chunks[:at]).rstrip(" .!?…;:,"), " ".join(chunks[at:])
    name, surname = _as_typed(speaker)
    if not name:
        return f"{a}, a-t-il ajouté, {b}"
    return rng.choice(INCISED).format(a=a, b=b, name=name, surname=surname)


# verbs the press puts between a quotation and its author, beyond « dire », « déclarer »
REACTED_VERBS = ("dénoncé", "regretté", "réagi", "fustigé", "déploré", "salué", "ironisé",
                 "tranché", "insisté", "jugé", "promis", "averti", "plaidé", "tancé", "critiqué")
REACTED = (
    "«\u00a0{text}\u00a0», a {verb} {name}",
    "{name} a {verb} : «\u00a0{text}\u00a0»",
    "«\u00a0{text}\u00a0», s'est indigné {name}.",
    "«\u00a0{text}\u00a0», {present} {surname}.",
    "{surname} s'est félicité : «\u00a0{text}\u00a0»",
)
REACTED_PRESENT = ("regrette", "dénonce", "déplore", "tranche", "insiste", "ironise", "juge")


def reacted(text: str, speaker: str | None, rng: random.Random) -> str:
    """Paste the passage with who said it and a verb of the press's beyond « dire »
    (`REACTED`, seeded); « a-t-il <verb> » when the record names nobody."""
    verb, present = rng.choice(REACTED_VERBS), rng.choice(REACTED_PRESENT)
    name, surname = _as_typed(speaker)
    if not name:
        return f"«\u00a0{text}\u00a0», a-t-il {verb}"
    return rng.choice(REACTED).format(text=text, name=name, surname=surname, verb=verb,
                                      present=present)


# how a headline or a lead prints who said it: the name, then a verb in the present
HEADLINES = (
    "{name} {present} : «\u00a0{text}\u00a0»",
    "{surname} {present} «\u00a0{text}\u00a0»",
    "{name} {that} que «\u00a0{text}\u00a0»",
    "{surname} {reflexive} : «\u00a0{text}\u00a0»",
)
HEADLINE_PRESENT = ("dénonce", "regrette", "déplore", "fustige", "salue", "tacle", "promet",
                    "plaide", "réclame", "ironise", "tranche", "insiste", "prévient", "alerte",
                    "juge")
HEADLINE_THAT = ("regrette", "déplore", "juge", "prévient", "insiste", "promet", "rappelle")
HEADLINE_REFLEXIVE = ("s'inquiète", "s'alarme", "s'indigne", "se félicite", "s'emporte",
                      "met en garde", "hausse le ton")


def headline(text: str, speaker: str | None, rng: random.Random) -> str:
    """Paste the passage as a headline or a lead prints it: the name, a verb in the present,
    the words (`HEADLINES`, seeded: « Aubertin dénonce « … » », « X s'inquiète : « … » »); as
    `attributed` when the record names nobody."""
    present, reflexive = rng.choice(HEADLINE_PRESENT), rng.choice(HEADLINE_REFLEXIVE)
    that = rng.choice(HEADLINE_THAT)
    name, surname = _as_typed(speaker)
    if not name:
        return attributed(text, speaker, rng)
    return rng.choice(HEADLINES).format(text=text, name=name, surname=surname,
                                        present=present, reflexive=reflexive, that=that)


ROLE_ATTRIBUTIONS = (
    "{Role} : «\u00a0{text}\u00a0»",
    "Pour {role}, «\u00a0{text}\u00a0»",
    "«\u00a0{text}\u00a0», a déclaré {role}",
    "{Role} a déclaré : «\u00a0{text}\u00a0»",
    "Selon {role}, «\u00a0{text}\u00a0»",
)
# a function's first word read as feminine (« la présidente », « la directrice »); others
# take « le » (« le ministre », « le maire »), « l' » before a vowel
_FEMININE = re.compile(r"(?:ente|rice|ère|euse|ienne|ée|ate|ette)$")


def by_function(text: str, speaker: str | None, function: str | None,
                rng: random.Random) -> str:
    """Paste the passage with who said it by their function (`ROLE_ATTRIBUTIONS`, seeded):
    the function up to its first comma, after its article; by name (`attributed`) when
    there is no function."""
    role = _role(function)
    if not role:
        return attributed(text, speaker, rng)
    return rng.choice(ROLE_ATTRIBUTIONS).format(text=text, role=role,
                                                Role=role[0].upper() + role[1:])


def _role(function: str | None) -> str:
    """Return a function as an article names its holder: up to its first comma, after its
    article (« la présidente de la FRV », « l'ancien ministre »); "" without a function."""
    role = (function or "").split(",")[0].strip()
    if not role:
        return ""
    role = role[0].lower() + role[1:]
    first = role.split()[0]
    article = "l'" if fold_accents(first[:1]) in "aeiouh" else \
        "la " if _FEMININE.search(first) else "le "
    return article + role


# The names the press gives an office and its holder beyond the function's own words: the
# head of State's and the head of government's with capitals, their palaces and ministries
# by their street (« Matignon », « Bercy », « le Quai d'Orsay »). Keys: a pattern of the
# speaker's function (up to its first comma) or name; the first name a matching office
# takes is drawn from its list.
OFFICE_NAMES = (
    (r"^président de la république$|^présidence de la république$",
     ("Le Président", "L'Élysée", "Le chef de l'État", "Le Président de la République")),
    (r"^premier ministre$", ("Le Premier ministre", "Matignon", "Le chef du gouvernement")),
    (r"^première ministre$", ("La Première ministre", "Matignon", "La cheffe du gouvernement")),
    (r"^ministre de l'économie", ("Bercy",)),
    (r"^ministre de l'intérieur", ("Beauvau", "La place Beauvau")),
    (r"^ministre (?:de l'europe et )?des affaires étrangères",
     ("Le Quai d'Orsay", "Le chef de la diplomatie française")),
    (r"^garde des sceaux|^ministre de la justice", ("La Chancellerie", "La place Vendôme")),
    (r"^ministre des armées", ("L'hôtel de Brienne",)),
    (r"^ministre de l'éducation nationale", ("La rue de Grenelle",)),
    (r"^ministre de la santé|^ministre des solidarités et de la santé", ("L'avenue de Ségur",)),
)
OFFICE_FRAMES = (
    "{Office} : «\u00a0{text}\u00a0»",
    "Selon {office}, «\u00a0{text}\u00a0»",
    "«\u00a0{text}\u00a0», indique {office}",
    "{Office} a déclaré : «\u00a0{text}\u00a0»",
)


def office(text: str, speaker: str | None, function: str | None,
           rng: random.Random) -> str:
    """Paste the passage with who said it by the press's name for their office
    (`OFFICE_NAMES`, `OFFICE_FRAMES`, seeded: « Selon Bercy, « … » », « Le Premier ministre :
    « … » »); as `by_function` when their office has no such name."""
    held = (function or "").split(",")[0].strip().lower().replace("’", "'")
    for pattern, names in OFFICE_NAMES:
        if re.search(pattern, held) or re.search(pattern, (speaker or "").lower()):
            name = rng.choice(names)
            lowered = name if name.split()[0] in ("Matignon", "Bercy", "Beauvau") else \
                name[0].lower() + name[1:]
            return rng.choice(OFFICE_FRAMES).format(text=text, Office=name, office=lowered)
    return by_function(text, speaker, function, rng)


# how an article says when and where beside who said it (« « … », a déclaré X lundi sur
# France Inter »), the verb first, an adverb of time between it and the name, or a framing
IN_CONTEXT = (
    "«\u00a0{text}\u00a0», a déclaré {name} {context}.",
    "«\u00a0{text}\u00a0», a {verb} {day} {name}.",
    "«\u00a0{text}\u00a0», {imperfect} {name} {context}.",
    "Comme le disait {name} : «\u00a0{text}\u00a0»",
    "Pour reprendre les mots de {name}, «\u00a0{text}\u00a0»",
    "{name} : «\u00a0{text}\u00a0» ({context})",
)
CONTEXTS = ("le 12 mars", "en 2020", "sur France Inter", "dans un communiqué", "au Monde",
            "lors d'une conférence de presse", "devant les députés", "à l'Assemblée")
DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier",
        "lundi soir", "dimanche matin")
IN_CONTEXT_VERBS = ("affirmé", "estimé", "martelé", "assuré", "expliqué", "souligné", "dénoncé")
IMPERFECT = ("déclarait", "affirmait", "estimait", "expliquait", "disait", "assurait")


def in_context(text: str, speaker: str | None, rng: random.Random) -> str:
    """Paste the passage with who said it and when or where (`IN_CONTEXT`, seeded: « « … »,
    a déclaré X en 2020. », « « … », a martelé vendredi X. », « Comme le disait X : « … » »);
    « « … », a-t-il déclaré <context>. » when the record names nobody."""
    context, day = rng.choice(CONTEXTS), rng.choice(DAYS)
    verb, imperfect = rng.choice(IN_CONTEXT_VERBS), rng.choice(IMPERFECT)
    name, _ = _as_typed(speaker)
    if not name:
        return f"«\u00a0{text}\u00a0», a-t-il déclaré {context}."
    return rng.choice(IN_CONTEXT).format(text=text, name=name, context=context, day=day,
                                         verb=verb, imperfect=imperfect)


# how an article frames who said it in its own words, beyond a verb of speech: an idiom, a
# verb with its infinitive, a present with its adverb; after the words unmarked; people
# unnamed (written for this form before any rule read them)
FRAMED = (
    "«\u00a0{text}\u00a0», a tenu à {infinitive} {name}.",
    "{name} {idiom} : «\u00a0{text}\u00a0»",
    "{surname} {present} {adverb} que «\u00a0{text}\u00a0»",
    "{bare} ({name})",
    "{bare} — {name}",
    "«\u00a0{text}\u00a0», ont fait valoir {people}.",
)
FRAMED_INFINITIVES = ("rappeler", "souligner", "préciser", "nuancer", "rassurer", "insister")
FRAMED_IDIOMS = ("n'a pas mâché ses mots", "a voulu rassurer", "n'a pas caché son agacement",
                 "a haussé le ton", "est monté au créneau", "a enfoncé le clou",
                 "a pris la parole")
FRAMED_PRESENT = ("regrette", "rappelle", "estime", "juge", "affirme", "déplore")
FRAMED_ADVERBS = ("vivement", "fermement", "encore", "aussitôt", "clairement")
FRAMED_PEOPLE = ("ses proches", "les responsables du ministère", "ses collaborateurs",
                 "plusieurs élus")


def framed(text: str, speaker: str | None, rng: random.Random) -> str:
    """Paste the passage framed as an article frames it in its own words (`FRAMED`, seeded:
    « X n'a pas mâché ses mots : « … » », « « … », a tenu à rappeler X », « … (X) »);
    « « … », ont fait valoir ses proches. » when the record names nobody."""
    infinitive, idiom = rng.choice(FRAMED_INFINITIVES), rng.choice(FRAMED_IDIOMS)
    present, adverb = rng.choice(FRAMED_PRESENT), rng.choice(FRAMED_ADVERBS)
    people = rng.choice(FRAMED_PEOPLE)
    return _named(FRAMED, speaker, rng, f"«\u00a0{text}\u00a0», ont fait valoir {people}.",
                  text=text, bare=text.rstrip(" .!?…;:,"), infinitive=infinitive, idiom=idiom,
                  present=present, adverb=adverb, people=people)


def _named(forms: tuple[str, ...], speaker: str | None, rng: random.Random, unnamed: str,
           **words: str) -> str:
    """Return one of `forms` (seeded, drawn last) filled with the speaker's name and surname as
    `attributed` types them and `words`; `unnamed` when the record names nobody."""
    name, surname = _as_typed(speaker)
    if not name:
        return unnamed
    return rng.choice(forms).format(name=name, surname=surname, **words)


# how a caption, a site of quotations or a post prints who said it (written for this form
# before any rule read them)
CAPTIONED = (
    "Citation de {name} : «\u00a0{text}\u00a0»",
    "{extract} de {name} {context} : «\u00a0{text}\u00a0»",
    "«\u00a0{text}\u00a0» dixit {name}",
    "«\u00a0{text}\u00a0» {name}",
    "{date}, {context}, {name} a déclaré : «\u00a0{text}\u00a0»",
    "Propos de {name} recueillis par {media} : «\u00a0{text}\u00a0»",
)
CAPTION_EXTRACTS = ("Extrait du discours", "Extrait de l'interview", "Les mots",
                    "Extrait de la déclaration", "Les propos")
CAPTION_CONTEXTS = ("à Paris", "à l'Assemblée", "sur France Inter", "au Sénat",
                    "devant la presse", "à Bruxelles")
CAPTION_DATES = ("Le 12 mars", "Le 3 novembre 2020", "Hier", "Ce matin", "En 2016")
CAPTION_MEDIA = ("Le Monde", "l'AFP", "Ouest-France", "Le Parisien")


def captioned(text: str, speaker: str | None, rng: random.Random) -> str:
    """Paste the passage as a caption, a site of quotations or a post prints who said it
    (`CAPTIONED`, seeded: « Citation de X : « … » », « « … » dixit X »); « « … » » alone,
    its marks kept, when the record names nobody."""
    extract, context = rng.choice(CAPTION_EXTRACTS), rng.choice(CAPTION_CONTEXTS)
    date, media = rng.choice(CAPTION_DATES), rng.choice(CAPTION_MEDIA)
    return _named(CAPTIONED, speaker, rng, f"«\u00a0{text}\u00a0»", text=text,
                  extract=extract, context=context, date=date, media=media)


# how a lead introduces words it reports, unmarked (written for this form before any rule
# read them unmarked)
LED = (
    "Selon {name}, {bare}",
    "D'après {name}, {bare}",
    "Comme l'a dit {name}, {bare}",
    "Comme le rappelait {name} : {bare}",
    "Selon {name}, {function}, {bare}",
)


def led(text: str, speaker: str | None, function: str | None, rng: random.Random) -> str:
    """Paste the passage unmarked after who said it, as a lead introduces reported words
    (`LED`, seeded: « Selon X, … », « D'après X, … »; with the function after the name when
    the record gives one); « Selon lui, … » when the record names nobody."""
    bare = text.rstrip(" .!?…;:,")
    return _named(LED if function else LED[:-1], speaker, rng, f"Selon lui, {bare}",
                  bare=bare, function=(function or "").split(",")[0].strip())


# how a press headline or a post frames who said it: the name or the function heading the
# line, a verb in the present that is no verb of speech, often no colon; the words first, then
# who said them named in a noun phrase; a topic or a rubric before (written for this form
# from the press's headlines, before any rule read them)
HEADLINED = (
    "{name} {verb} «\u00a0{text}\u00a0»",
    "{Head} {verb} «\u00a0{text}\u00a0»",
    "{surname} {verb_at} {target} : «\u00a0{text}\u00a0»",
    "«\u00a0{text}\u00a0» : {surname} {verb_at} {target}",
    "«\u00a0{text}\u00a0», {reaction} {of_name}",
    "«\u00a0{text}\u00a0» : {reaction} {of_name}",
    "{name} {idiom} : «\u00a0{text}\u00a0»",
    "{rubric} {name} {verb} «\u00a0{text}\u00a0»",
)
HEADLINED_VERBS = ("tacle", "fustige", "étrille", "raille", "épingle", "recadre", "défend",
                   "assume", "accuse", "attaque", "charge", "torpille")
HEADLINED_VERBS_AT = ("tacle", "étrille", "recadre", "interpelle", "charge", "épingle",
                      "avertit", "rassure", "cible")
HEADLINED_TARGETS = ("le gouvernement", "l'opposition", "ses détracteurs", "la majorité",
                     "Bruxelles", "les syndicats", "ses ministres")
HEADLINED_REACTIONS = ("la réponse cinglante", "le coup de gueule", "le cri d'alarme",
                       "la mise en garde", "le plaidoyer", "la charge", "l'avertissement")
HEADLINED_IDIOMS = ("persiste et signe", "enfonce le clou", "sort de sa réserve",
                    "monte au créneau", "sonne l'alarme", "brise le silence",
                    "met les points sur les i")
HEADLINED_RUBRICS = ("VIDÉO.", "ENTRETIEN.", "Retraites :", "Covid-19 :", "Budget :",
                     "Immigration :")


def headlined(text: str, speaker: str | None, function: str | None,
              rng: random.Random) -> str:
    """Paste the passage as a press headline or a post frames who said it (`HEADLINED`,
    seeded: « X tacle « … » », « Le ministre fustige « … » » by the record's function when it
    gives one, « X étrille le gouvernement : « … » », « « … », la réponse cinglante de X »);
    « « … » » alone, its marks kept, when the record names nobody."""
    verb, verb_at = rng.choice(HEADLINED_VERBS), rng.choice(HEADLINED_VERBS_AT)
    target, reaction = rng.choice(HEADLINED_TARGETS), rng.choice(HEADLINED_REACTIONS)
    idiom, rubric = rng.choice(HEADLINED_IDIOMS), rng.choice(HEADLINED_RUBRICS)
    name, _ = _as_typed(speaker)
    head = _role(function) or name
    of_name = f"d'{name}" if fold_accents(name[:1]).lower() in "aeiouh" else f"de {name}"
    return _named(HEADLINED, speaker, rng, f"«\u00a0{text}\u00a0»", text=text, verb=verb,
                  verb_at=verb_at, target=target, reaction=reaction, idiom=idiom,
                  rubric=rubric, Head=head[:1].upper() + head[1:], of_name=of_name)
# how a journalist types who said it in a hurry, in the search box: the name or the surname,
# then the words, no colon nor marks, their first letter as said or lowered (written for this
# form before any rule read them)
BARE = (
    "{surname} {bare}",
    "{name} {bare}",
    "{surname} {lowered}",
    "{name} {lowered}",
)


def _unmarked(text: str) -> tuple[str, str]:
    """Return the passage without its closing punctuation, and the same opening in lower case,
    as a journalist types it after « qui a dit » or a colon.

    >>> _unmarked("Nous sommes en guerre.")
    ('Nous sommes en guerre', 'nous sommes en guerre')
    """
    words = text.rstrip(" .!?…;:,")
    return words, words[:1].lower() + words[1:]


def bare(text: str, speaker: str | None, rng: random.Random) -> str:
    """Paste the passage unmarked right after who said it, nothing between (`BARE`, seeded:
    « Darmanin nous sommes en guerre … »); « qui a dit … » when the record names nobody."""
    words, lowered = _unmarked(text)
    return _named(BARE, speaker, rng, f"qui a dit {lowered}", bare=words, lowered=lowered)


# how a word broken at a printed line's end comes out of a PDF: the line break copied, turned
# into a space, or lost
HYPHEN_BREAKS = ("-\n", "- ", "-")
# a word broken at a line's end: long enough to break, at least two letters before the
# hyphen and three after
_BREAKABLE = re.compile(r"[^\W\d_]{6,}")


def hyphenated(text: str, rng: random.Random) -> str:
    """Break one or two long words of the passage as a PDF's line ends do, the hyphen and the
    break copied with them (`HYPHEN_BREAKS`, seeded): « couper » → « cou-⏎per »."""
    words = list(_BREAKABLE.finditer(text))
    if not words:
        return text
    chosen = sorted(rng.sample(words, min(len(words), rng.choice((1, 2)))),
                    key=lambda m: m.start())
    out, last = [], 0
    for m in chosen:
        word = m.group()
        cut = rng.randint(2, len(word) - 3)
        out += [text[last:m.start()], word[:cut], rng.choice(HYPHEN_BREAKS), word[cut:]]
        last = m.end()
    return "".join(out) + text[last:]


# a press headline's framing with no colon, as `headlined`, the verb among the press's verbs
# that neither `headlined` uses nor the readers of session 46 name (written from the press's
# headlines before any rule read them: 34 of 104 verbs written down were named by no reader;
# « mise », « parie », « botte », « taille », « lacère » left out, which head no words
# without a complement)
HEADLINED_ANY = (
    "{name} {verb} {quoted}",
    "{surname} {verb} {quoted}",
    "{rubric} {name} {verb} {quoted}",
    "{Head} {verb} {quoted}",
    "{surname} {verb} {adverb} {quoted}",
)
HEADLINED_ANY_VERBS = ("allume", "démonte", "pilonne", "rabroue", "houspille", "admoneste",
                       "rembarre", "mouche", "éreinte", "canarde", "démolit", "descend",
                       "pulvérise", "désavoue", "savonne", "bombarde", "avoue", "confesse",
                       "tempête", "râle", "grince", "bondit", "temporise", "esquive", "élude",
                       "implore", "supplie", "ose", "provoque")
HEADLINED_ANY_ADVERBS = ("encore", "à nouveau", "aussitôt", "violemment", "sèchement")


def headlined_any(text: str, speaker: str | None, function: str | None,
                  rng: random.Random) -> str:
    """Paste the passage as a press headline frames who said it with no colon, the verb any
    of the press's (`HEADLINED_ANY`, seeded: « X allume « … » », « Le ministre démolit
    "…" » by the record's function when it gives one, « X rembarre encore « … » »), the marks
    any of `QUOTE_STYLES`; « « … » » alone when the record names nobody."""
    verb, adverb = rng.choice(HEADLINED_ANY_VERBS), rng.choice(HEADLINED_ANY_ADVERBS)
    rubric, quoted = rng.choice(HEADLINED_RUBRICS), rng.choice(QUOTE_STYLES).format(text)
    name, _ = _as_typed(speaker)
    head = _role(function) or name
    return _named(HEADLINED_ANY, speaker, rng, f"«\u00a0{text}\u00a0»", verb=verb,
                  adverb=adverb, rubric=rubric, quoted=quoted, Head=head[:1].upper() + head[1:])


# how a journalist asks who said words, or names the phrase: the question marked or not, a
# guess of two names (which gives the words to neither), the phrase named as someone's
# (written for this form before any rule read them)
ASKED = (
    "Qui a dit «\u00a0{text}\u00a0» ?",
    "qui a dit {lowered}",
    "Qui a dit {bare} ?",
    'qui a dit : "{text}"',
    "De qui est cette phrase : «\u00a0{text}\u00a0» ?",
    "Qui est l'auteur de la citation «\u00a0{text}\u00a0»",
    "D'où vient la phrase «\u00a0{text}\u00a0» ?",
    "De qui est la citation {lowered} ?",
)
ASKED_NAMED = (
    "Qui a dit, {guess}, «\u00a0{text}\u00a0» ?",
    "qui a dit {lowered}, {guess} ?",
    "La phrase de {surname} «\u00a0{text}\u00a0»",
    "La phrase qu'a prononcée {name} : «\u00a0{text}\u00a0»",
)
# the other name of a guess (« Macron ou Philippe »)
ASKED_OTHERS = ("Macron", "Philippe", "Castex", "Borne", "Attal", "Hollande", "Sarkozy",
                "Le Pen", "Mélenchon", "Bayrou")


def asked(text: str, speaker: str | None, rng: random.Random) -> str:
    """Paste the passage as a question about who said it, or naming the phrase (`ASKED`,
    `ASKED_NAMED`, seeded: « Qui a dit « … » ? », « qui a dit … », « De qui est cette
    phrase : « … » ? », « Qui a dit, X ou Y, « … » ? », « La phrase de X « … » »); the
    questions naming no one (`ASKED`) when the record names nobody."""
    words, lowered = _unmarked(text)
    name, surname = _as_typed(speaker)
    other = rng.choice([o for o in ASKED_OTHERS if o != surname])
    guess = f"{surname} ou {other}" if rng.random() < 0.5 else f"{other} ou {surname}"
    forms = ASKED + ASKED_NAMED if name else ASKED
    return rng.choice(forms).format(text=text, bare=words, lowered=lowered, name=name,
                                    surname=surname, guess=guess)


# a press headline's rubric before who said it: a topic (one of the press's recurring themes,
# a fixed list) or a label of the article's kind, as the French press heads its titles
# (« Retraites : », « Covid-19 : », « Europe. », « INTERVIEW. », « VIDÉO - »); written from
# the press's headlines for this form, before any rule read them
RUBRIC_TOPICS = ("Retraites", "Covid-19", "Europe", "Budget", "Immigration", "Sécurité",
                 "Brexit", "Climat", "Ukraine", "Éducation", "Santé", "Agriculture", "Énergie",
                 "Guerre en Ukraine", "Réforme des retraites", "Assurance chômage",
                 "Présidentielle", "Inflation", "Logement", "Laïcité")
RUBRIC_LABELS = ("INTERVIEW.", "ENTRETIEN.", "VIDÉO -", "VIDÉO.", "EXCLUSIF.", "TRIBUNE.",
                 "INFO FRANCEINFO.", "DIRECT.", "Vidéo -", "EXCLUSIF -")
RUBRIC_VERBS = ("prévient", "assure", "promet", "insiste", "répond", "met en garde",
                "s'explique", "se défend")
RUBRIC_GOVERNED = ("répond aux critiques", "hausse le ton", "veut rassurer", "fait le point",
                   "appelle à l'unité", "défend sa réforme")
RUBRIC = (
    "{topic} : {surname} {quoted}",
    "{topic} : {name} {quoted}",
    "{topic}. {surname} : {quoted}",
    "{label} {surname} : {quoted}",
    "{label} {name} : {quoted}",
    "{topic} : pour {name}, {quoted}",
    "{topic} : {surname} {verb} {quoted}",
    "{topic} : {surname} {governed} : {quoted}",
)


def rubric(text: str, speaker: str | None, rng: random.Random) -> str:
    """Paste the passage as a press headline opening on a rubric, a topic or a label, then
    who said it (`RUBRIC`, seeded: « Retraites : Macron « … » », « INTERVIEW. Le Maire :
    « … » », « Brexit : pour Michel Barnier, « … » »), the marks any of `QUOTE_STYLES`; the
    label alone before the words when the record names nobody (« VIDÉO. « … » »)."""
    topic, label = rng.choice(RUBRIC_TOPICS), rng.choice(RUBRIC_LABELS)
    verb, governed = rng.choice(RUBRIC_VERBS), rng.choice(RUBRIC_GOVERNED)
    quoted = rng.choice(QUOTE_STYLES).format(text)
    return _named(RUBRIC, speaker, rng, f"{label} {quoted}", topic=topic, label=label,
                  verb=verb, governed=governed, quoted=quoted)


# how a journalist names the phrase as someone's with no marks around the words, after a
# colon (written for this form before any rule read them)
NAMED_UNMARKED = (
    "La phrase de {surname} : {text}",
    "la phrase de {name} : {lowered}",
    "La citation de {name} : {text}",
    "Cette phrase de {surname} : {lowered}",
    "La fameuse phrase de {surname} : {text}",
    "Les mots de {name} : {text}",
)


def named_unmarked(text: str, speaker: str | None, rng: random.Random) -> str:
    """Paste the passage unmarked after a colon, the phrase named as the record's speaker's
    (`NAMED_UNMARKED`, seeded: « La phrase de Macron : … », « La citation de X : … »);
    « De qui est cette phrase : … » when the record names nobody."""
    words, lowered = _unmarked(text)
    return _named(NAMED_UNMARKED, speaker, rng, f"De qui est cette phrase : {lowered}",
                  text=text, lowered=lowered)


# how a journalist checks an attribution, asking yes or no (written for this form before any
# rule read them)
CHECKED = (
    "Est-ce que {name} a dit «\u00a0{text}\u00a0» ?",
    "Est-ce que {surname} a vraiment dit : «\u00a0{text}\u00a0» ?",
    "C'est {name} qui a dit «\u00a0{text}\u00a0» ?",
    "c'est {surname} qui a dit {lowered} ?",
    "est-ce que {surname} a dit {lowered} ?",
    "Est-il vrai que {name} a déclaré : «\u00a0{text}\u00a0» ?",
    "{name} a-t-il vraiment dit «\u00a0{text}\u00a0» ?",
)


def checked(text: str, speaker: str | None, rng: random.Random) -> str:
    """Paste the passage as a yes-or-no question naming who said it (`CHECKED`, seeded:
    « Est-ce que X a dit « … » ? », « C'est X qui a dit … ? »); « Qui a dit « … » ? » when
    the record names nobody."""
    words, lowered = _unmarked(text)
    return _named(CHECKED, speaker, rng, f"Qui a dit «\u00a0{text}\u00a0» ?", text=text,
                  lowered=lowered)


# how a journalist pastes a quotation remembered loosely, with who said it (written for this
# form before any rule read it)
LOOSE = (
    "Selon {name}, {bare}",
    "{surname} : «\u00a0{text}\u00a0»",
    "{name} : «\u00a0{text}\u00a0»",
    "{surname} a dit que {lowered}",
    "«\u00a0{text}\u00a0», a déclaré {name}",
    "D'après {surname}, {bare}",
)
# the changes of a quotation misremembered, drawn with these weights: a word replaced twice as
# often as one left out or two swapped
LOOSE_CHANGES = ("replace", "replace", "drop", "swap")
LOOSE_LONG = 16  # a passage this long or longer gets four changes, a shorter one three


def loosened(text: str, vocab: Vocabulary, rng: random.Random) -> str:
    """Misremember the passage: three changes (four from LOOSE_LONG words), each a content
    word replaced by a plausible one, a word left out, or two neighbouring words swapped (no
    word changed twice)."""
    chunks = _words(text)
    touched: set[int] = set()
    dropped: set[int] = set()
    for change in [rng.choice(LOOSE_CHANGES)
                   for _ in range(4 if len(chunks) >= LOOSE_LONG else 3)]:
        free = [i for i, c in enumerate(chunks) if _is_word(c) and i not in touched]
        if change == "swap":
            pairs = [i for i in free if i + 1 in free
                     and _split(chunks[i])[1].lower() != _split(chunks[i + 1])[1].lower()]
            if pairs:
                i = rng.choice(pairs)
                (lead_a, a, trail_a), (lead_b, b, trail_b) = (_split(chunks[i]),
                                                              _split(chunks[i + 1]))
                chunks[i], chunks[i + 1] = lead_a + b + trail_a, lead_b + a + trail_b
                touched |= {i, i + 1}
                continue
            change = "replace"
        if change == "drop" and len(free) > 2:
            i = rng.choice(free)
            dropped.add(i)
            touched.add(i)
            continue
        spots = _replaceable(chunks, touched) or free
        if spots:
            i = rng.choice(spots)
            _replace(chunks, i, vocab, rng)
            touched.add(i)
    return " ".join(c for i, c in enumerate(chunks) if i not in dropped)


def attributed_loose(text: str, speaker: str | None, vocab: Vocabulary, rng: random.Random,
                     who: random.Random) -> str:
    """Paste the passage misremembered (`loosened`) with who said it (`LOOSE`, drawn by
    `who`); « qui a dit « … » » when the record names nobody."""
    words = loosened(text, vocab, rng)
    bare, lowered = _unmarked(words)
    return _named(LOOSE, speaker, who, f"qui a dit «\u00a0{words}\u00a0»", text=words,
                  bare=bare, lowered=lowered)


# how a lead introduces words it reports beyond `LED`: « Pour X, », a surname after « Selon »
# or « D'après » (written for this form before any rule read them)
LED_MORE = (
    "Pour {name}, {bare}",
    "Pour {surname}, {lowered}",
    "Selon {surname}, {lowered}",
    "D'après {surname}, {bare}",
    "Pour {name}, {function}, {lowered}",
)


def led_more(text: str, speaker: str | None, function: str | None, rng: random.Random) -> str:
    """Paste the passage unmarked after a lead's « Pour X, … » or a surname (`LED_MORE`,
    seeded); « Pour lui, … » when the record names nobody."""
    words, lowered = _unmarked(text)
    return _named(LED_MORE if function else LED_MORE[:-1], speaker, rng,
                  f"Pour lui, {lowered}", bare=words, lowered=lowered,
                  function=(function or "").split(",")[0].strip())


def led_loose(text: str, speaker: str | None, function: str | None, vocab: Vocabulary,
              rng: random.Random, who: random.Random) -> str:
    """Paste the passage misremembered (`loosened`) unmarked after a lead's frame (`LED` and
    `LED_MORE`, drawn by `who`); « Selon lui, … » when the record names nobody."""
    words, lowered = _unmarked(loosened(text, vocab, rng))
    forms = (*LED[:-1], *LED_MORE[:-1]) + ((LED[-1], LED_MORE[-1]) if function else ())
    return _named(forms, speaker, who, f"Selon lui, {lowered}", bare=words,
                  lowered=lowered, function=(function or "").split(",")[0].strip())


# a headline's topic, alone before the words (a fixed list written from the press's headlines
# for this form, before any rule read them; none of `RUBRIC_TOPICS`)
ALONE_TOPICS = ("Dette", "Chômage", "Nucléaire", "Pouvoir d'achat", "Fin de vie", "Sécheresse",
                "Canicule", "JO 2024", "COP28", "G20", "Grève", "Police", "Hôpital",
                "Nouvelle-Calédonie", "Taxe carbone", "Municipales 2026", "Terrorisme",
                "Agriculteurs", "Carburants", "Loi immigration")
ALONE = ("{topic} : {quoted}", "{topic}. {quoted}", "{topic} - {quoted}", "{topic} : {quoted}")


def rubric_alone(text: str, rng: random.Random) -> str:
    """Paste the passage between marks after a headline's topic alone (`ALONE_TOPICS`,
    `ALONE`, seeded: « Dette : « … » »), whoever said it."""
    topic, quoted = rng.choice(ALONE_TOPICS), rng.choice(QUOTE_STYLES).format(text)
    return rng.choice(ALONE).format(topic=topic, quoted=quoted)


# the newspapers and stations a line names after who said the words (written for this form
# before any rule read them)
MEDIA = ("Libération", "Le Monde", "Le Figaro", "France Inter", "Ouest-France", "Les Échos",
         "BFMTV", "RTL", "Le Parisien", "franceinfo", "Europe 1", "La Croix")
MEDIA_HEADED = ("{name} : {media} {quoted}", "{name} : {media} : {quoted}",
                "{surname} : {media} {quoted}")


def media_headed(text: str, speaker: str | None, rng: random.Random) -> str:
    """Paste the passage between marks after who said it and the newspaper that printed it
    (`MEDIA_HEADED`, seeded: « Claire Aubertin : Libération « … » »); « Libération « … » »
    when the record names nobody."""
    media, quoted = rng.choice(MEDIA), rng.choice(QUOTE_STYLES).format(text)
    return _named(MEDIA_HEADED, speaker, rng, f"{media} {quoted}", media=media, quoted=quoted)


# a headline's topic, alone before a full stop or a dash (a fixed list written from the press's
# headlines for these forms, before any rule read them; none of `RUBRIC_TOPICS` nor
# `ALONE_TOPICS`): single common nouns, words in lower case, digits
DASH_TOPICS = ("Déficit", "Fiscalité", "Logement social", "Mobilités", "Vaccination",
               "Sobriété énergétique", "Assurance maladie", "Intelligence artificielle",
               "Harcèlement scolaire", "Incendies", "Inondations", "Narcotrafic", "Prisons",
               "Handicap", "Dépendance", "Éoliennes", "Autoroutes", "Banlieues",
               "Présidentielle 2027", "Bac 2025")
# a full stop or a dash after what heads the line, as press rubrics and posts write them: the
# hyphen typed for a dash, the en dash, the em dash
DASHES = (". ", " - ", " – ", " — ")
NAMED_DASH = ("{name}{dash}{quoted}", "{surname}{dash}{quoted}", "{name}{dash}{quoted}")


def named_dash(text: str, speaker: str | None, rng: random.Random) -> str:
    """Paste the passage between marks after who said it and a full stop or a dash
    (`NAMED_DASH`, `DASHES`, seeded: « Sophie Lemaire-Dufour – « … » », « Darmanin.
    « … » »); a topic of `DASH_TOPICS` in its place when the record names nobody."""
    dash, quoted = rng.choice(DASHES), rng.choice(QUOTE_STYLES).format(text)
    topic = rng.choice(DASH_TOPICS)
    return _named(NAMED_DASH, speaker, rng, f"{topic}{dash}{quoted}", dash=dash,
                  quoted=quoted)


def rubric_dash(text: str, rng: random.Random) -> str:
    """Paste the passage between marks after a headline's topic alone (`DASH_TOPICS`) and a
    full stop or a dash (`DASHES`, seeded: « Déficit – « … » »), whoever said it."""
    topic, dash = rng.choice(DASH_TOPICS), rng.choice(DASHES)
    return f"{topic}{dash}{rng.choice(QUOTE_STYLES).format(text)}"


# who said it in capitals before a dash (written for this form before any rule read them),
# and the agencies whose label heads a wire's words when the record names nobody
CAPITALS_DASH = ("{SURNAME}{dash}{quoted}", "{SURNAME}{dash}{quoted}", "{NAME}{dash}{quoted}")
AGENCIES = ("AFP", "Reuters", "AP", "Belga", "ATS", "Keystone-ATS")


def capitals_dash(text: str, speaker: str | None, rng: random.Random) -> str:
    """Paste the passage between marks after who said it in capitals and a dash
    (`CAPITALS_DASH`, `DASHES` but the full stop, seeded: « CASTEX – « … » »); an agency of
    `AGENCIES` in its place when the record names nobody (« AFP – « … » »)."""
    dash, quoted = rng.choice(DASHES[1:]), rng.choice(QUOTE_STYLES).format(text)
    agency = rng.choice(AGENCIES)
    name, surname = _as_typed(speaker)
    return _named(CAPITALS_DASH, speaker, rng, f"{agency}{dash}{quoted}", dash=dash,
                  quoted=quoted, SURNAME=surname.upper(), NAME=name.upper())


# what heads a line in the press and names nobody (written for this form, session 53, before
# any rule read it): agencies, newspapers and stations as they sign a wire or a post, and the
# rubrics of a paper's pages in capitals, half of them beyond the labels earlier forms type
LABEL_SOURCES = ("AFP", "Reuters", "Le Monde", "franceinfo", "BFMTV", "Le Parisien",
                 "Ouest-France", "Libération")
LABEL_RUBRICS = ("ZOOM", "FOCUS", "REPÈRES", "ÉCLAIRAGE", "BILLET", "HUMEUR", "INSOLITE",
                 "POLÉMIQUE", "COULISSES", "CONFIDENTIEL", "VIDÉO", "EXCLUSIF", "INFO",
                 "DÉCRYPTAGE", "ANALYSE", "LE CHIFFRE")
LABEL_SEPARATORS = (" : ", ". ", " - ", " – ")


def labelled(text: str, rng: random.Random) -> str:
    """Paste the passage between marks after a press label, a newspaper's or an agency's name
    (`LABEL_SOURCES` or `LABEL_RUBRICS`, even odds) and a colon, a full stop or a dash
    (`LABEL_SEPARATORS`, seeded: « AFP : « … » », « ZOOM - « … » »), whoever said it."""
    label = rng.choice(LABEL_SOURCES if rng.random() < 0.5 else LABEL_RUBRICS)
    separator, quoted = rng.choice(LABEL_SEPARATORS), rng.choice(QUOTE_STYLES).format(text)
    return f"{label}{separator}{quoted}"


# a subject's keyword after who said it, in lower case, as a journalist notes a quotation
# (written for this form, session 53, before any rule read it)
NAMED_TOPICS = ("retraites", "dette", "immigration", "budget", "chômage", "laïcité",
                "sécurité", "école", "santé", "logement", "nucléaire", "agriculture",
                "climat", "inflation", "fiscalité", "hôpital", "pouvoir d'achat",
                "fin de vie", "assurance chômage", "énergie")
NAMED_TOPIC = ("{surname} {topic} : {quoted}", "{name} {topic} : {quoted}",
               "{surname} {topic} : {quoted}")


def named_topic(text: str, speaker: str | None, rng: random.Random) -> str:
    """Paste the passage between marks after who said it, a subject's keyword in lower case
    (`NAMED_TOPICS`) and a colon (`NAMED_TOPIC`, seeded: « Aubertin retraites : « … » »);
    the keyword capitalised alone when the record names nobody (« Retraites : « … » »)."""
    topic, quoted = rng.choice(NAMED_TOPICS), rng.choice(QUOTE_STYLES).format(text)
    return _named(NAMED_TOPIC, speaker, rng, f"{topic[:1].upper()}{topic[1:]} : {quoted}",
                  topic=topic, quoted=quoted)


# the words an editor most often clarifies between brackets
PRONOUNS = frozenset("il elle on ils elles nous cela ce lui leur celui celle".split())


def bracketed(text: str, vocab: Vocabulary, rng: random.Random) -> str:
    """Add the editor's words between square brackets: a pronoun (else a content word)
    replaced by a clarification, a clarification inserted, or « [sic] » after a word."""
    chunks = _words(text)
    spots = [i for i, c in enumerate(chunks) if _is_word(c)]
    mode = rng.choice(("replace", "insert", "sic"))
    at = rng.choice(spots)
    if mode == "sic":
        chunks.insert(at + 1, "[sic]")
        return " ".join(chunks)
    content = _replaceable(chunks, set()) or spots
    clarification = f"[le {vocab.replacement(_split(chunks[rng.choice(content)])[1], rng)}]"
    if mode == "insert":
        chunks.insert(at + 1, clarification)
        return " ".join(chunks)
    pronouns = [i for i in spots if _split(chunks[i])[1].lower() in PRONOUNS]
    at = rng.choice(pronouns or content)
    lead, _, trail = _split(chunks[at])
    chunks[at] = lead + clarification + trail
    return " ".join(chunks)


def make_variants(text: str, vocab: Vocabulary, seed: str,
                  unique: Callable[[str], bool] | None = None,
                  speaker: str | None = None, record: str | None = None,
                  function: str | None = None) -> dict[str, str]:
    """Return every variant of a passage; each variant has its own generator, seeded by
    `seed` and its name, so that adding a variant does not change the others. `speaker` is
    who the record says said it (`attributed`), `function` their function (`by_function`),
    `record` the record's text (`joined`)."""

    def rng(name: str) -> random.Random:
        return random.Random(f"{seed}/{name}")

    return {
        "as_said": text,
        "quotes": quotes(text, rng("quotes")),
        "case_accents": case_accents(text),
        "punctuation": punctuation(text, rng("punctuation")),
        "replace_1": replace_one(text, vocab, rng("replace_1")),
        "drop_2": drop_two(text, rng("drop_2")),
        "fragment_7": fragment(text, rng("fragment_7"), unique),
        "swap_replace": swap_replace(text, vocab, rng("swap_replace")),
        "attributed": attributed(text, speaker, rng("attributed")),
        "attributed_replace": attributed(replace_one(text, vocab, rng("attributed_replace")),
                                         speaker, rng("attributed_replace/who")),
        "ellipsis": ellipsis(text, rng("ellipsis")),
        "typos_2": typos(text, rng("typos_2")),
        "replace_3": replace_three(text, vocab, rng("replace_3")),
        "joined": joined(text, record, rng("joined")),
        "incise": incise(text, speaker, rng("incise")),
        "bracketed": bracketed(text, vocab, rng("bracketed")),
        "incised": incised(text, speaker, rng("incised")),
        "by_function": by_function(text, speaker, function, rng("by_function")),
        "reacted": reacted(text, speaker, rng("reacted")),
        "headline": headline(text, speaker, rng("headline")),
        "office": office(text, speaker, function, rng("office")),
        "in_context": in_context(text, speaker, rng("in_context")),
        "framed": framed(text, speaker, rng("framed")),
        "captioned": captioned(text, speaker, rng("captioned")),
        "led": led(text, speaker, function, rng("led")),
        "headlined": headlined(text, speaker, function, rng("headlined")),
        "bare": bare(text, speaker, rng("bare")),
        "hyphenated": hyphenated(text, rng("hyphenated")),
        "checked": checked(text, speaker, rng("checked")),
        "headlined_any": headlined_any(text, speaker, function, rng("headlined_any")),
        "asked": asked(text, speaker, rng("asked")),
        "rubric": rubric(text, speaker, rng("rubric")),
        "named_unmarked": named_unmarked(text, speaker, rng("named_unmarked")),
        "attributed_loose": attributed_loose(text, speaker, vocab, rng("attributed_loose"),
                                             rng("attributed_loose/who")),
        "led_more": led_more(text, speaker, function, rng("led_more")),
        "led_loose": led_loose(text, speaker, function, vocab, rng("led_loose"),
                               rng("led_loose/who")),
        "rubric_alone": rubric_alone(text, rng("rubric_alone")),
        "media_headed": media_headed(text, speaker, rng("media_headed")),
        "named_dash": named_dash(text, speaker, rng("named_dash")),
        "rubric_dash": rubric_dash(text, rng("rubric_dash")),
        "capitals_dash": capitals_dash(text, speaker, rng("capitals_dash")),
        "labelled": labelled(text, rng("labelled")),
        "named_topic": named_topic(text, speaker, rng("named_topic")),
    }
