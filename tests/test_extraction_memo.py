"""The extraction computes once a text what reads the text alone (`indexer.memo`): the people
it names, its language, its themes' counts. A text met again gives what it gave the first
time, and whatever else the step reads (the names vouched for, the stated language, the
title) still counts."""

from __future__ import annotations

import pytest

from indexer.document import Document
from indexer.extract import enrich_document
from indexer.extract.names import Aliases, name_key
from indexer.extract.people import find_mentions, remembered_mentions
from indexer.extract.themes import Thesaurus
from indexer.language import detect
from indexer.memo import TextMemo, digest

TURN = ("M. Antoine Deltour. Je remercie Mme Élisabeth Borne, qui a rappelé hier que la "
        "commission des finances avait rejeté la motion.")


def test_the_mentions_of_a_text_met_again_are_the_same_but_new_objects():
    first = remembered_mentions(TURN)
    assert [(m.name, m.subject) for m in first] == [("Antoine Deltour", True),
                                                    ("Élisabeth Borne", False)]
    first[0].name = "Deltour"  # the caller writes the names it keeps (`_Names.add`)
    again = remembered_mentions(TURN)
    assert [m.name for m in again] == ["Antoine Deltour", "Élisabeth Borne"]
    assert again == find_mentions(TURN)


def test_the_names_vouched_for_are_part_of_what_is_remembered():
    text = "La motion déposée par Zorglub Martin a été rejetée hier soir."
    assert [m.name for m in remembered_mentions(text)] == []
    vouched = {name_key("Zorglub Martin")}
    assert [m.name for m in remembered_mentions(text, None, vouched)] == ["Zorglub Martin"]
    assert [m.name for m in remembered_mentions(text)] == []


def test_the_names_vouched_for_are_read_only_as_noted():
    from indexer.extract.people import _Asked

    text = "La motion déposée par Zorglub Martin a été rejetée hier soir."
    asked = _Asked({name_key("Zorglub Martin")})
    assert [m.name for m in find_mentions(text, None, asked)] == ["Zorglub Martin"]
    assert asked.answers == {_Asked.ANY: True, name_key("Zorglub Martin"): True}
    assert _Asked({name_key("Zorglub Martin"), "elisabeth borne"}).answers_alike(asked.answers)
    assert not _Asked(set()).answers_alike({_Asked.ANY: True})
    with pytest.raises(TypeError):
        len(asked)  # a reading that is not noted would make the memo wrong: refused
    with pytest.raises(TypeError):
        list(asked)


def test_other_aliases_forget_the_mentions_found_with_the_first():
    text = "Mme Aubertin a présenté le projet de loi au conseil des ministres."
    plain = remembered_mentions(text, Aliases())
    aliases = Aliases.from_mapping({"Claire Aubertin": ["Mme Aubertin", "Aubertin"]})
    named = remembered_mentions(text, aliases)
    assert [m.name for m in named] == [m.name for m in find_mentions(text, aliases)]
    assert [m.name for m in plain] != [m.name for m in named]


def test_the_language_of_a_text_met_again_follows_the_stated_language():
    # too short for the model: the stated language stands, else French
    assert detect("Very good indeed, thank you!", stated="en") == "en"
    assert detect("Very good indeed, thank you!") == "fr"
    assert detect("Very good indeed, thank you!", stated="en") == "en"


def test_the_themes_of_a_text_met_again_still_read_the_title():
    thesaurus = Thesaurus.from_mapping({"Inondations": ["crue", "inondation"]})
    text = "Les crues de l'hiver ont coupé la route départementale."
    assert thesaurus.themes(text, None) == []
    assert thesaurus.themes(text, "La crue de la Seine") == ["Inondations"]
    assert thesaurus.themes(text + " Une inondation a suivi.", None) == ["Inondations"]


def test_a_repeated_debate_turn_is_enriched_the_same_each_time():
    def enriched(title: str | None) -> dict:
        doc = Document("x", "séance.jsonl", "jsonl", TURN, title=title, kind="débat")
        return enrich_document(doc, aliases=Aliases(), thesaurus=Thesaurus()).to_dict()

    assert enriched(None) == enriched(None)
    assert enriched("Séance du 12 mars") == enriched("Séance du 12 mars")


def test_a_memo_forgets_everything_when_full():
    memo: TextMemo[int] = TextMemo(kept=2)
    keys = [digest(t) for t in ("Très bien !", "Bravo !", "Exactement !")]
    memo.keep(keys[0], 1)
    memo.keep(keys[1], 2)
    memo.keep(keys[2], 3)
    assert [memo.get(k) for k in keys] == [None, None, 3]


@pytest.mark.parametrize("workers", [1, 2])
def test_the_reuse_step_finds_the_words_of_a_repeated_text_once(workers, monkeypatch):
    from indexer import indexing
    from indexer.reuse import Tokens

    # in two processes, two texts at a time, even for these few
    monkeypatch.setattr(indexing, "PARALLEL_TOKENS", 2)
    monkeypatch.setattr(indexing, "TOKENS_CHUNK", 2)
    texts = ["Très bien !", TURN, "Très bien !", "Exactement ! Le Gouvernement a raison.", TURN,
             "Mme la présidente. La parole est à M. Deltour."]
    found = indexing._TokenFinder(workers)(texts)
    assert [t.words for t in found] == [Tokens.of(text).words for text in texts]
    assert [t.text for t in found] == texts
    assert found[0] is found[2] and found[1] is found[4] and found[0] is not found[1]


def test_a_batch_file_repeating_a_speech_keeps_each_statement_once(tmp_path):
    import json

    from indexer.readers.tabular import read

    speech = "Mesdames et Messieurs,\n\nJe salue  l'engagement des maires.\nVive la République !"
    rows = [
        {"titre": "Discours à Lyon", "date": "2024-03-12", "texte": speech},
        {"titre": "Discours à Lyon", "date": "2024-03-12", "texte": speech.replace("  ", " ")},
        {"titre": "Discours à Dijon", "date": "2024-03-14", "texte": speech},
        {"titre": "Discours à Dijon", "date": "2024-03-14", "texte": [speech]},
    ]
    path = tmp_path / "discours.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    again = tmp_path / "discours-bis.jsonl"
    again.write_text(path.read_text("utf-8"), "utf-8")
    for file in (path, again):
        records = read(file)
        # the same words at the same place and date are one statement, whatever the spacing
        assert [(r.title, r.date) for r in records] == [("Discours à Lyon", "2024-03-12"),
                                                        ("Discours à Dijon", "2024-03-14")]
        assert [r.text for r in records] == [
            "Mesdames et Messieurs,\n\nJe salue l'engagement des maires. Vive la République !"
        ] * 2
