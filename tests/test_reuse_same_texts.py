"""The pairs of documents of the same two texts aligned once (issue 15): a release published
twice (the same communiqué on two days, or in two formats) and a speech quoting it make two
pairs of the same texts, whose alignment cannot differ. The first is aligned, the other given
its matches: the groups, the matches and the boilerplate counted are those of aligning every
pair, in one process or in several, in a fresh index and in runs that add to a kept one."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import web_enrich
from test_reuse import groups_seen, index, write_corpus
from whoosh import index as whoosh_index

from indexer import reuse
from indexer.document import Document, Speaker
from indexer.indexing import INDEX_NAME, index_paths

PLAN = ("Le ministère annonce un plan de cinquante millions d'euros pour la restauration des "
        "zones humides du bassin de la Loire. Les travaux commenceront au printemps dans les "
        "marais de Goulaine et se poursuivront jusqu'en 2024, avec les agriculteurs riverains "
        "associés à la gestion des prairies inondables.")
RELEASE = (f"Nantes, le 12 mars 2021. {PLAN} Un comité de suivi réunira chaque trimestre les "
           "élus, les associations de protection de la nature et les services de l'État.\n\n"
           "Contact presse : Jeanne Martin, 06 12 34 56 78, presse@loire-vivante.fr")
SPEECH = ("Mesdames et messieurs les élus, je suis heureuse d'être parmi vous ce matin. Je "
          "vous le confirme : le ministère annonce un plan de cinquante millions d'euros pour "
          "la restauration des zones humides du bassin de la Loire, et les travaux commenceront "
          "au printemps dans les marais de Goulaine. Je sais combien les pêcheurs et les "
          "éleveurs attendaient ce jour. Je vous remercie.")
ARTICLE = ("Les associations saluent une avancée. Selon le communiqué, les travaux "
           "commenceront au printemps dans les marais de Goulaine et se poursuivront jusqu'en "
           "2024, avec les agriculteurs riverains associés à la gestion des prairies "
           "inondables. Elles demandent toutefois que les crédits soient garantis au-delà de "
           "la prochaine loi de finances.")


def release(day: str, title: str = "Plan pour les zones humides de la Loire") -> dict:
    """The release as published on `day` (another day: another statement of the same text)."""
    return {"title": title, "date": day, "kind": "communiqué", "speakers": "Ministère",
            "text": RELEASE}


ROWS = [
    release("2021-03-12"),
    {"title": "Discours à Saint-Aignan", "date": "2021-03-20", "kind": "discours",
     "speakers": "Barbara Pompili", "text": SPEECH},
    release("2021-03-13", "Zones humides : le plan du ministère"),
    {"title": "Les associations saluent le plan", "date": "2021-03-22", "kind": "article",
     "speakers": "Rédaction", "text": ARTICLE},
    release("2021-03-15", "Marais de Goulaine : cinquante millions"),
]


@pytest.fixture
def every_pair(monkeypatch, tmp_path):
    """Count the pairs aligned (in this process or in forked ones: written to a file), and
    give a switch that makes each document's text its own for the run (every pair aligned,
    as before)."""
    log = tmp_path / "aligned"
    original = reuse.passages._pair_seeds

    def counted(pairs, *rest):
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"{len(pairs)}\n")
        return original(pairs, *rest)
    monkeypatch.setattr(reuse.passages, "_pair_seeds", counted)

    def aligned() -> int:
        """Return the pairs aligned since last asked."""
        count = sum(map(int, log.read_text("utf-8").split())) if log.exists() else 0
        log.unlink(missing_ok=True)
        return count

    def switch() -> None:
        monkeypatch.setattr(reuse.update.ReuseUpdate, "_text_numbers",
                            lambda self, slots: np.arange(max(slots, len(self.state.ids))))
    return aligned, switch


def matches(index_dir: Path) -> list[tuple]:
    """The matches kept in an index folder, by document id (slots aside)."""
    generation = whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME).latest_generation()
    state = reuse.ReuseState.load(index_dir, generation)
    ids = state.ids
    return sorted((ids[a], a0, a1, ids[b], b0, b1, round(float(sim), 3)) for
                  (a, a0, a1, b, b0, b1), sim in zip(state.m_int.tolist(), state.m_sim.tolist(),
                                                     strict=True))


@pytest.mark.parametrize("processes", [1, 2])
def test_a_release_published_three_times_is_aligned_once_with_each_text(
        tmp_path, monkeypatch, every_pair, processes):
    """Three publications of one release, a speech and an article quoting it: the pairs of
    the release with the speech, with the article and with itself are aligned once each
    (their order kept: the release then the speech, the speech then the release are two),
    the others given their matches. The same groups and matches as when every pair is
    aligned, fewer pairs aligned."""
    monkeypatch.setattr(reuse.update, "PARALLEL_PAIRS", 1)  # in forked processes too
    aligned, switch = every_pair
    corpus = write_corpus(tmp_path / "corpus", ROWS)
    monkeypatch.setattr("indexer.documents.enrich_document", web_enrich)
    index_paths([corpus], tmp_path / "once", workers=processes)
    once = aligned()
    switch()
    index_paths([corpus], tmp_path / "every", workers=processes)
    assert groups_seen(tmp_path / "once") == groups_seen(tmp_path / "every")
    assert matches(tmp_path / "once") == matches(tmp_path / "every")
    plan = [g for g in groups_seen(tmp_path / "once") if "marais de Goulaine" in str(g)]
    assert plan and {"Discours à Saint-Aignan", "Les associations saluent le plan",
                     "Zones humides : le plan du ministère"} <= {t for g in plan for t, _ in g}
    assert 0 < once < aligned()


def test_publications_added_later_find_what_a_fresh_index_finds(tmp_path):
    """A kept index of the release, the speech and the article; a run adds the release
    published twice more (their pairs with the kept documents are pairs of the same texts)
    while the article is written again with a sentence more (its old matches kept where its
    change cannot move them): the groups and matches of an index built at once."""
    corpus = write_corpus(tmp_path / "corpus", [ROWS[0], ROWS[1], ROWS[3]])
    index(corpus, tmp_path / "index")
    edited = [*ROWS[:3], {**ROWS[3], "text": ARTICLE + " Le préfet réunira les maires en mai."},
              ROWS[4]]
    write_corpus(corpus, edited)  # one file: its rows read again, the unchanged ones kept
    index(corpus, tmp_path / "index")
    index(write_corpus(tmp_path / "fresh", edited), tmp_path / "fresh-index")
    assert groups_seen(tmp_path / "index") == groups_seen(tmp_path / "fresh-index")
    assert matches(tmp_path / "index") == matches(tmp_path / "fresh-index")
    assert any("Marais de Goulaine : cinquante millions" in str(g)
               for g in groups_seen(tmp_path / "index"))


def statement(number: int, text: str, day: str) -> Document:
    return Document(f"doc-{number}", f"loire/{number}.md", "md", text, date=day,
                    speakers=[Speaker("Ministère")])


def test_the_boilerplate_of_each_pair_is_counted_as_when_every_pair_is_aligned(
        tmp_path, every_pair):
    """The contact block that closes each publication of the release is left out of every
    pair of them: counted once a pair, as many as aligning each pair counted."""
    aligned, switch = every_pair
    docs = [statement(n, text, f"2021-03-{10 + n}") for n, text in
            enumerate([RELEASE, SPEECH, RELEASE, ARTICLE, RELEASE, RELEASE])]

    def run(folder: Path) -> dict[str, int]:
        folder.mkdir()
        update = reuse.ReuseUpdate(folder, 1)
        for doc in docs:
            update.add(doc)
        texts = {doc.id: doc.text for doc in docs}
        return update.finish(set(texts), 1, {d.id: d for d in docs}.get, texts.get)

    once = run(tmp_path / "once")
    pairs_once = aligned()
    switch()
    every = run(tmp_path / "every")
    assert once == every and every["boilerplate"] > 0
    assert 0 < pairs_once < aligned()
