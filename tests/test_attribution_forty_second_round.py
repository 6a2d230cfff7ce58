"""The forty-second attribution round (issue 11): how often « auteur non identifié » is wrong.

Part J's misses are mostly named authors left to nobody. The round judged, before any change, a
fresh seeded sample of the quotations the extractor leaves to nobody outside every gold part (59,
seed `verbatim-issue-11-round-42`): one had a named author a reader can see, three were ambiguous
(`bench/attribution-rounds.md`, forty-second round). Each form it and the development misses
showed stands once over the whole corpus: no rule was written.

What the round keeps is the measure. `bench.extraction` reports, beside the named authors it
misses, the other way round: of the found quotations it shows « auteur non identifié », how many
have an author the gold names, and how many of those the adjudication left ambiguous — the
figure the lead reads on the held-out part J, as an aggregate. Runs on a demo release (the
project's own corpus), as `python -m bench.extraction` does.
"""

from __future__ import annotations

import copy

from bench.extraction import DEFAULT_CORPUS, _attribution_lines, attribution
from tests.test_extraction_ambiguous import _gold_entry, _half

# _gold_entry(): the dev gold entry of the FRV's reaction to the « plan eau » (a demo release):
# four quotations of named people and the press kit's words (« qualifiées de « … » dans le
# dossier de presse ministériel »), nobody's, which the extractor leaves to nobody.


def _row(scored: dict) -> str:
    return next(r for r in _attribution_lines("dev", scored) if "auteur non identifié" in r)


def test_the_report_says_how_many_quotations_left_to_nobody_have_a_named_author(tmp_path):
    entry = _gold_entry()
    plain = attribution(DEFAULT_CORPUS, "dev", folder=_half(tmp_path / "plain", entry))
    a = plain["attribution"]
    # The press kit's words: nobody's in the gold, left to nobody: « auteur non identifié » right.
    assert (a["named_to_nobody"], a["unnamed_right"]) == (0, 1)
    assert "| 0 / 1 (0.0 %) ; 0 |" in _row(plain)
    # The same words given by the gold to a named author (a reader would have seen her name):
    # the one quotation shown « auteur non identifié » is now one whose author the gold names.
    named = copy.deepcopy(entry)
    kit = next(q for q in named["quotes"] if q["speech"] and q["speaker"] is None)
    kit.update(speaker="Hélène Garnier")
    scored = attribution(DEFAULT_CORPUS, "dev", folder=_half(tmp_path / "named", named))
    assert scored["attribution"]["named_to_nobody"] == 1
    assert "| 1 / 1 (100.0 %) ; 0 |" in _row(scored)


def test_an_ambiguous_author_left_to_nobody_is_counted_apart(tmp_path):
    doubtful = copy.deepcopy(_gold_entry())
    kit = next(q for q in doubtful["quotes"] if q["speech"] and q["speaker"] is None)
    # Kept for a named person, nobody a defensible reading (CONVENTIONS.md, ambiguous).
    kit.update(speaker="Hélène Garnier", ambiguous=[None], note="test")
    scored = attribution(DEFAULT_CORPUS, "dev", folder=_half(tmp_path / "doubtful", doubtful))
    assert scored["attribution"]["named_to_nobody_ambiguous"] == 1
    assert "| 1 / 1 (100.0 %) ; 1 |" in _row(scored)
