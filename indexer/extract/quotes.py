"""Quotations: every « … », “ … ” and "…" of a text, with who said it and the words that say so
(`extract_quotes`, the public entry).

Telling speech from titles and scare quotes: one word is never speech (« courage »); a
capitalised short run without final punctuation (« Cités éducatives », « Le Monde ») but one
a cue right after gives to someone (« « Changer la vie », disait-on »), a run after a title
noun (le plan « Un jeune, une solution », ce livre, « … ») or a headline after a dash (`Le
Quotidien – « … »`) is a title; a phrase of six words at most, no clause, that a term noun
names right before its marks is a term (`l'expression « bon père de famille »`); two or three
words are speech only when someone is explicitly given them (`Me Hansen affirme qu'il a agi
« par opportunisme »`, `« Nous tiendrons », a déclaré le maire`); four words and more are
speech.

What it stands on, each in its own module: the marks paired into spans
(`indexer.extract.quote_spans`); who said the words, strongest cue first
(`indexer.extract.attribution`) and the learned ranker over its candidates
(`indexer.extract.ranker`); the verbs of speech and every other pattern read around a quotation
(`indexer.extract.speech_cues`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from indexer.document import Quote
from indexer.extract import speech_cues as cues
from indexer.extract.attribution import Attribution, Attributor, Context, Participants
from indexer.extract.quote_spans import Span, _inner, _word_count, find_spans
from indexer.extract.ranker import rerank
from indexer.extract.turns import turn_at

# --- Speech or title -------------------------------------------------------------------------


def _title_like(text: str, span: Span, words: int) -> bool:
    inner = text[span.start : span.end]
    before = text[max(0, span.open - 40) : span.open]
    line_start = text.rfind("\n", 0, span.open) + 1
    capital = inner[:1].isupper() or inner[:1].isdigit()
    if cues.CHARGE.search(before) or (cues.TERM_NOUNS.search(before) and words <= 3):
        return True
    if (
        cues.TERM_NOUN_BARE.search(before)
        and words <= 6
        and not cues.CLAUSE.search(inner)
        and not _ends_sentence(inner)
    ):
        # « c'est bien ce que signifie l'expression « être à la discrétion du Gouvernement » »,
        # « l'expression « bon père de famille » »: a phrase named, no clause, nobody's speech
        # (« l'expression « ce n'est pas correct » » is a clause: left to the attribution)
        return True
    if cues.SUBSTITUTED.search(before) and words <= 6 and not _ends_sentence(inner):
        return True  # « … est remplacé par « membre de la famille » »: a wording put in place
    if cues.CATEGORY_OF.search(before) and words <= 6 and not _ends_sentence(inner):
        return True  # « la catégorie de « mère qui a porté » »: a category named, even a clause
    if cues.DOMAIN.fullmatch(inner.strip()):
        return True  # « annonce sur notre site Internet, « publicsenat.fr », que … »: an address
    if cues.UNDER_TITLE.search(before):
        return True  # « paru dans Le Soir … sous le titre « Le parcours du combattant … » »
    if cues.NAMING.search(before):
        return True  # « ce qu'on appelle très techniquement « … » », « la directive dite « … » »
    if capital and cues.WORK_BEFORE.search(before) and inner.rstrip(' »"”')[-1:] not in "!?…":
        return True  # « Je cite votre ouvrage : « Entre toutes les femmes … » »
    if cues.FORMULA_BEFORE.search(before) and not cues.RIGHT_OF.match(
        text[span.close : span.close + 8]
    ):
        return True  # « selon la formule « zéro tarif, zéro quota » »: a phrase nobody is given
    if capital and _named_then(text, span, inner):
        return True  # « le programme 310 « Conduite et pilotage de la politique de la justice » »
    if cues.TITLE_NOUNS.search(before) and (capital or words <= 3):
        if not (before.rstrip().endswith(":") and words > 3):
            return True
    line_end = text.find("\n", span.close)
    line_end = len(text) if line_end < 0 else line_end
    if (
        cues.DASH_HEADLINE.match(text[line_start : span.open])
        and not text[span.close : line_end].strip()
        # a press review's headline that quotes a clause is words (nobody named: the gold's
        # README, parts B to G), one that is a noun phrase a title
        and not (words >= 4 and cues.HEADLINE_CLAUSE.search(inner))
    ):
        return True
    # a capitalised short run followed by its cue is left to the attribution (`_is_speech`):
    # « « Jamais fortune n'a trahi pays rassemblé » a dit le général de Gaulle »
    return _bare(text, span, inner, words) and not _cue_after(text, span, inner)


def _named_then(text: str, span: Span, inner: str) -> bool:
    """Tell whether the words are the name a noun and its complement give right before them
    (« le compte d'affectation spéciale « Contrôle de la circulation et du stationnement
    routiers » », « le programme 310 « … » »): a run with no verb (`CLAUSE`) and no final
    punctuation, whatever its length, after `NAMED_THEN` (no verb of speech in the
    complement)."""
    if _ends_sentence(inner) or cues.CLAUSE.search(inner):
        return False
    named = cues.NAMED_THEN.search(text, max(0, span.open - 60), span.open)
    return named is not None and not cues.SPEECH_VERB.search(named.group("complement") or "")


def _bare(text: str, span: Span, inner: str, words: int) -> bool:
    """Tell whether the words are a capitalised short run that names something (« Cités
    éducatives », « Le Monde »): six words at most, no final punctuation, no cue before them
    (a colon, a verb of speech), no verb nor subject pronoun (« Ce n'est pas comme si » is a
    clause, not a name)."""
    before = text[max(0, span.open - 40) : span.open]
    capital = inner[:1].isupper() or inner[:1].isdigit()
    ends = _ends_sentence(inner)
    cued = before.rstrip().endswith(":") or bool(cues.SPEECH_VERB.search(before[-25:]))
    clause = cues.CLAUSE.search(inner) is not None
    return capital and words <= 6 and not ends and not cued and not clause


def _ends_sentence(inner: str) -> bool:
    """Tell whether the words end on a sentence's final punctuation (closing marks aside)."""
    return inner.rstrip(' »"”')[-1:] in ".!?…"


def _cue_after(text: str, span: Span, inner: str) -> bool:
    """Tell whether a cue right after the closing mark gives the words to someone (« « Nous
    tiendrons », a déclaré le maire de Lyon », « « Changer la vie », disait-on »; issue 11's
    seventh family). A form of « écrire » after a run that is no sentence names a work's
    author (« « Les Misérables », écrit Hugo »)."""
    cue = cues.CUE_AFTER.match(text, span.close)
    if cue is None:
        return False
    verb = next(v for v in cue.groups() if v)
    sentence = cues.CLAUSE.search(inner) is not None or _ends_sentence(inner)
    return sentence or not cues.WRITING.match(verb)


def extract_quotes(text: str, context: Context) -> list[Quote]:
    """Return the quotations of `text`, speech attributed, titles and scare quotes marked.

    >>> from indexer.extract.people import find_mentions
    >>> t = "Antoine Deltour a déclaré : « Je ferai appel de ce jugement. »"
    >>> ctx = Context(find_mentions(t), [], [], None, {}, True)
    >>> [(q.text, q.speaker, q.cue) for q in extract_quotes(t, ctx)]
    [('Je ferai appel de ce jugement.', 'Antoine Deltour', 'a déclaré')]
    """
    spans = find_spans(text)
    if not spans and not context.turns:  # no quotation mark, no transcript: nothing to find
        return []
    attributor = Attributor(text, spans, context)
    quotes: list[Quote] = []
    titles: set[str] = set()  # a title quoted twice is a title both times
    speech_at: dict[int, int] = {}  # a speech quotation's opening → its index in `quotes`
    for span in spans:
        inner = text[span.start : span.end]
        words = _word_count(inner)
        if span.depth == 0 and (interruption := _interruption(text, span)) is not None:
            quotes.append(Quote(inner, span.start, span.end, None, interruption, "interruption"))
            continue
        if (
            span.depth > 0
            or words <= 1
            or inner.casefold() in titles
            or _title_like(text, span, words)
            or cues.AMENDMENT.search(text, max(0, span.open - 160), span.open)
        ):
            if words > 1:
                titles.add(inner.casefold())
            quotes.append(Quote(inner, span.start, span.end, is_speech=False))
            continue
        attribution = attributor.attribute(span)
        if _is_speech(text, span, inner, words, attribution, context):
            if (back := attributor.went_on(span, attribution)) is not None:
                # the words before were this author's too (« Et Mme Guigou de poursuivre : »)
                went, before = back
                for earlier in before:
                    index = speech_at[earlier.open]
                    quotes[index] = replace(
                        quotes[index],
                        speaker=went.speaker,
                        function=went.function,
                        cue=_cue(went.cue),
                    )
            attributor.record(span, attribution)
            speech_at[span.open] = len(quotes)
            # the learned ranker may prefer another candidate (ranker.py); the rules' state
            # (focus, continuations) follows their own choice, as when it was trained
            attribution = rerank(text, span, attribution, attributor)
            if attribution.speaker and cues.COURT.fullmatch(attribution.speaker):
                # « écrit la Cour de cassation, « … » », « Le Conseil constitutionnel estime
                # ainsi que, « … » »: a court speaks by its rulings, words of a text (nobody
                # known, CONVENTIONS rules 6 and 8), the court kept as the function
                attribution = replace(
                    attribution, speaker=None, function=attribution.function or attribution.speaker
                )
            quotes.append(
                Quote(
                    inner,
                    span.start,
                    span.end,
                    attribution.speaker,
                    attribution.function,
                    _cue(attribution.cue),
                    True,
                )
            )
        else:
            quotes.append(Quote(inner, span.start, span.end, is_speech=False))
    reopened = {s.start: s.reopened for s in spans if s.reopened and s.depth == 0}
    if reopened:
        quotes = [piece for q in quotes for piece in _pieces(text, q, reopened.get(q.start, ()))]
    if context.turns and (context.interviewers or any(not t.name for t in context.turns)):
        reports = _unmarked_reports(text, context, spans)
        if reports:
            quotes = sorted(quotes + reports, key=lambda q: q.start)
    return quotes


def _pieces(text: str, quote: Quote, reopened: tuple[int, ...]) -> list[Quote]:
    """Return a quotation reopened paragraph after paragraph (« Je poursuis ma citation : « …
    ⏎⏎« … ⏎⏎« … » ») as the gold counts it since part G: a piece per paragraph, the one left
    open ending with its paragraph, each with the class and author of the whole."""
    found = []
    start = quote.start
    for mark in (*reopened, None):
        a, b = _inner(text, start, quote.end if mark is None else mark)
        if b > a:
            found.append(replace(quote, text=text[a:b], start=a, end=b))
        start = (mark or 0) + 1
    return found


# « Christian ESTROSI vous dit : il faut qu'on sorte des lois de la paix … . »: a person's
# words that an interviewer reports without quotation marks, a verb of saying and a colon
# before them, the sentence after them.
# (found from the colon, rare, then the verb checked before it)
_UNMARKED = re.compile(r":[ \t]*(?P<words>[a-zàâçéèêëîïôöûùü][^«»“”\"\n.!?…]{15,300}[.!?…])")
_UNMARKED_VERB = re.compile(
    r"(?<![\w'’-])(?:(?:vous|nous)\s+)?(?:dit|disait|a\s+dit|avait\s+dit|déclare|a\s+déclaré"
    r"|affirme|a\s+affirmé|explique|a\s+expliqué|répète|a\s+répété)[ \t]*$"
)


def is_unmarked(text: str, quote: Quote) -> bool:
    """Tell whether a quotation stands without quotation marks (« Hier, Gérard LARCHER a dit :
    s'il n'y a pas … »; `_unmarked_reports`): its words follow a colon, not a mark. A gold of
    quotation-mark pairs cannot hold them, so a benchmark scores them apart."""
    return text[: quote.start].rstrip().endswith(":")


def _unmarked_reports(text: str, context: Context, spans: list[Span]) -> list[Quote]:
    """Return the words an interviewer reports without quotation marks, given to the person
    named right before the verb (never a participant of the interview, nor an organisation)."""
    found = []
    asking = set(context.interviewers)
    participants = Participants([t.name for t in context.turns])
    ends = {m.end: m for m in context.mentions if m.name and not m.body}
    for m in _UNMARKED.finditer(text):
        verb = _UNMARKED_VERB.search(text, max(0, m.start() - 30), m.start())
        if verb is None:
            continue
        turn = turn_at(context.turns, m.start())
        if turn is None or (turn.name and turn.name not in asking):
            continue
        head = text[max(0, verb.start() - 2) : verb.start()]
        who = ends.get(verb.start() - (len(head) - len(head.rstrip())))
        if who is None or who.name in participants or who.start < turn.body:
            continue
        start, end = m.span("words")
        if _word_count(m.group("words")) < 4 or any(
            s.open < end and start < s.close for s in spans
        ):
            continue
        function = who.function or context.functions.get(who.name)
        found.append(Quote(m.group("words"), start, end, who.name, function, "dit :", True))
    return found


# Where a stage direction's interrupting words may start inside its parenthesis: right after
# it, after a dash or a full stop (« (Applaudissements … – « Baratin ! » sur les bancs du groupe
# UMP.) », « (Les membres … applaudissent longuement. « Égalité ! » sur plusieurs bancs …) »), or
# after other interrupting words or applause and « et » (« (« Ah ! » et « Très bien » sur les
# bancs …) », « (Applaudissements et « Bravo ! » sur les bancs …) »).
_DIRECTION_BREAK = re.compile(
    r"(?:^|\s[–—-]|[.!?]|»\s*(?:,|,?\s*et)|(?:applaudissements|exclamations)\s+et)\s*$",
    re.IGNORECASE,
)
# Between the words and the benches: a comma, applause or more words joined by « et » or a comma
# (« (« Bravo ! » et applaudissements sur les bancs …) », « (« Eh oui ! », sur plusieurs bancs
# …) », « (… – « Minable ! », « Scandaleux ! » sur les bancs du groupe SRC.) »).
_BENCHES_JOIN = re.compile(
    r"(?:\s*(?:,\s*(?:et\s+)?|et\s+)(?:(?:les\s+)?(?:(?:vifs?|vives?|longs?|nouveaux|nouvelles)"
    r"\s+)?(?:applaudissements|exclamations|rires|huées|protestations)|«[^«»()\n]{1,80}»))*\s*,?",
    re.IGNORECASE,
)


def _interruption(text: str, span: Span) -> str | None:
    """Return who interrupts, for words a stage direction gives to the benches:
    « (« Et nous ? » sur les bancs du groupe UMP.) » → `députés du groupe UMP (interruption)`;
    also « (« Bravo ! » et applaudissements sur les bancs …) », « (… – « Non ! » sur les bancs
    …) » (nineteenth round: 58 such interruptions of the debates were lost)."""
    paren = text.rfind("(", max(0, span.open - 300), span.open)
    lead = text[paren + 1 : span.open]
    if paren < 0 or ")" in lead or "\n" in lead or not _DIRECTION_BREAK.search(lead):
        return None
    joined = _BENCHES_JOIN.match(text, span.close)
    benches = cues.BENCHES.match(text, joined.end() if joined else span.close)
    if benches is None:
        return None
    group = re.search(r"\b(?:du|des)\s+groupes?\s+([^.)–—]+?)\s*[.)–—]", benches.group())
    who = f"députés du groupe {group.group(1)}" if group else "députés"
    return f"{who} (interruption)"


# The strengths of an attribution that read a cue naming the words' author, or saying nobody
# known is (« », disait-on »), rather than falling back on the turn's or the speech's speaker.
_CUE_READ = frozenset({"explicit", "subject", "pronoun", "unknown", "coined"})


def _is_speech(
    text: str, span: Span, inner: str, words: int, attribution: Attribution, context: Context
) -> bool:
    """Decide whether an attributed run is somebody's words or a scare quote."""
    if attribution.strength in ("coined", "unknown"):
        return True  # « ce que j'ai appelé le « … » », « comme dit le proverbe, « … » »
    lower = inner[:1].islower()
    weak = attribution.strength in ("turn", "default", "none", "focus")
    determiner = cues.DETERMINER_BEFORE.search(text[max(0, span.open - 12) : span.open]) is not None
    before = text[max(0, span.open - 25) : span.open]
    if weak and cues.TERM_BEFORE.search(before):
        return False  # « le très légitime « quoi qu'il en coûte » »: a well-known phrase
    if lower and weak and determiner and not (words > 3 and cues.CLAUSE.search(inner)):
        return False  # "le vieux rêve du « jardin à la française »": an expression
    if lower and attribution.strength == "none":
        return False  # nobody is given these words: a scare quote
    if words > 3 and not lower and _bare(text, span, inner, words):
        # a name but for the cue after it (`_title_like`): speech when the attribution read
        # that cue, else lost rather than given to the turn's speaker (« « La parole commence
        # à se libérer », avez-vous dit », said by the colleague addressed)
        return attribution.strength in _CUE_READ
    if words > 3:
        return True
    if cues.CLAUSE.search(inner) and cues.SAID_RIGHT_BEFORE.search(
        text, max(0, span.open - 40), span.open
    ):
        # « en juillet on me disait « c'est trop tard » », « Boris Johnson peut dire “J'ai
        # gagné” »: a short sentence said
        return True
    if cues.I_SAY.search(text, max(0, span.open - 60), span.open):
        # « Je dis « plus limité » », « Je dis bien en premier lieu « nous pouvons » »: the
        # speaker's own words, stressed, however few
        return True
    if not lower:
        # « pour qu'on leur dise « Bienvenue en France ! » »: a short sentence after a verb
        # of speech is speech; « Cités éducatives » is a name; « « Nous tiendrons », a déclaré
        # le maire » is speech when the attribution read the cue after the words
        before = text[max(0, span.open - 30) : span.open]
        if _ends_sentence(inner) and cues.SPEECH_VERB.search(before):
            return True
        return attribution.strength in _CUE_READ and _cue_after(text, span, inner)
    strong = attribution.strength in ("explicit", "subject", "pronoun", "continuation")
    if not strong:
        return False
    if context.third_person:
        return True
    # In a speech or a transcript, the speaker's own short quotes are scare quotes; words
    # explicitly lent to someone else are a quotation.
    own = {context.default}
    turn = turn_at(context.turns, span.open) if context.turns else None
    if turn is not None:
        own.add(turn.name)
    if attribution.speaker is None:
        return attribution.function is not None  # « le Président de la République déclarait »
    return attribution.speaker not in own


def _cue(cue: str | None) -> str | None:
    return " ".join(cue.split()) if cue else None
