"""Reuse groups, found at index time: passages that stand in several documents.

Two kinds of group:

* **passages** — about a dozen words or more found in several documents, word for word or
  nearly (a few words changed, cut at either end, reworded in the middle). Prior art:
  passim (shared n-grams, then alignment). Each document's words (`passage_words`) give one
  fingerprint per run of `GRAM` words; two documents sharing at least `MIN_SEEDS`
  fingerprints that are rare in the index (in `MAX_DF` documents or fewer: more is a formula)
  are aligned word by word around the shared runs (rapidfuzz's Levenshtein opcodes), and
  what aligns well enough becomes a match. Matches that overlap in a document are joined
  into groups (union-find).
* **quotes** — quotations attributed to the same person that share a distinctive phrase (two
  consecutive content words found in few quotations, « lois … paix »), even reworded.

A passage's occurrence carries who said it when that is not its document's speakers: the
journalist whose turn of an interview's transcript holds it (`groups.in_turn`; the turns
found once a document is matched, `indexer.verify.others_turns`).

Boilerplate is not reuse: fingerprints in more than `MAX_DF` documents (« La séance est
ouverte »), and matches that are contact blocks, addresses or links, or that stand at the
very top or bottom of both documents (repeated headers and footers), are left out.

Incremental: the fingerprints of every indexed document, the matches and the quotations are
kept in the index folder (`reuse-base.npz`, the tables as a run left them, and `reuse.npz`,
what later runs added and the rest); a run fingerprints only the documents it writes, looks
their fingerprints up in the kept table (a sorted array), aligns only the pairs that involve
them, and rebuilds the groups from the kept matches. The groups the pages read are in
`reuse.json`, one JSON value a line (`write_groups`, `read_groups`). The files are replaced
atomically after the index's commit and carry its generation and one run token: a run that
finds them out of step with the index starts over.

Measured choice (`python -m bench.reuse --compare 5000`): choosing the pairs to align from
shared rare 4-word runs (a sorted numpy table, looked up with a binary search) put 97.9 % of
the planted (host, source) pairs among 16,767 candidates in 1.8 s of CPU on 5,306 records;
datasketch's MinHash LSH over windows of 20 words (every 10, 64 permutations, threshold 0.3)
put 74.2 % among 18,449 in 13.8 s: a dozen reused words change a window's MinHash too much.

The step's modules, in the order a run goes through them (`update.ReuseUpdate` runs them):

* `words` — a document's words and fingerprints (`Tokens`);
* `pairs` — the candidate pairs: documents sharing rare fingerprints; those of the same
  two texts aligned once (`_SameTexts`);
* `seeds` — the seeds of a chunk of pairs, and their chains;
* `passages` — the alignment of the chains, and the passages found that are reuse;
* `processes` — the forked processes chunks are aligned in, and the garbage collector;
* `edits` — documents written again: the matches their change cannot move, kept;
* `groups` — the groups of passages and of quotations;
* `state`, `slots`, `files` — what is kept between runs, and the files it is kept in;
* `update` — one run's part (`ReuseUpdate`): the steps above in their order.
"""

from indexer.reuse.files import (
    ARRAYS,
    BASE,
    GROUPS,
    PENDING,
    FolderStore,
    as_store,
    read_groups,
    set_pending,
    write_groups,
)
from indexer.reuse.groups import build_groups, content_pairs, speaker_key
from indexer.reuse.pairs import MAX_DF, MAX_PARTNERS, MIN_SEEDS
from indexer.reuse.passages import PROCEDURE, align_seeds, boilerplate, procedure
from indexer.reuse.processes import forked, forked_state
from indexer.reuse.seeds import MAX_REPEATS
from indexer.reuse.slots import Slot, SlotTable
from indexer.reuse.state import ReuseState
from indexer.reuse.update import ReuseUpdate
from indexer.reuse.words import (
    GRAM,
    Tokens,
    TokensReceived,
    Vocabulary,
    fingerprints,
    tokens_sent,
)

__all__ = [
    "ARRAYS", "BASE", "GRAM", "GROUPS", "MAX_DF", "MAX_PARTNERS", "MAX_REPEATS", "MIN_SEEDS",
    "PENDING", "PROCEDURE", "FolderStore", "ReuseState", "ReuseUpdate", "Slot", "SlotTable",
    "Tokens", "TokensReceived", "Vocabulary", "align_seeds", "as_store", "boilerplate",
    "build_groups", "content_pairs", "fingerprints", "forked", "forked_state", "procedure",
    "read_groups", "set_pending", "speaker_key", "tokens_sent", "write_groups",
]
