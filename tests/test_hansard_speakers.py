"""Who speaks in a Hansard sitting (issue 11, document speakers): label shapes the reader missed.

Found by a blind annotation of six fresh sittings and a survey of the 472 sittings of
`hansard-canada-36e-fr` (session 14, helper 43): the speaker lines the sentence splitter cut
after « St. », the members moving a motion in the House, the witnesses heard in committee of
the whole, the senators opening an inquiry « conformement a l'avis … », the chairs.
A speaker of the sitting is someone with at least one turn holding a sentence
(tests/gold/attribution/CONVENTIONS.md and the Hansard notes of the gold).
"""

from __future__ import annotations

import pytest

from indexer.readers.text import debate_turns, decode
from tests.conftest import shared_path


def sitting(name: str):
    """The turns of a sitting of the shared corpus (in Training/ or Testing/)."""
    (path,) = shared_path("hansard-canada-36e-fr").glob(f"*/{name}")
    return debate_turns(decode(path.read_bytes())[0], path.name)


def speaker(record) -> dict:
    return (record.meta.get("speakers") or [{"name": None, "function": None}])[0]


def turns_of(records, name: str):
    return [r for r in records if speaker(r)["name"] == name]


# --- Labels cut by the sentence splitter ------------------------------------------------------


def test_a_label_cut_after_saint_is_still_the_members_turn():
    # « M. Bill Matthews (Burin-St. » then his words; « George's, Lib.): » was lost (57 such
    # lines for him, 56 for Rey D. Pagtakhan, 43 for Shaughnessy Cohen in the corpus)
    records = sitting("hansard.36.1.house.debates.162.f")
    (matthews,) = turns_of(records, "Bill Matthews")
    assert matthews.text.startswith("Je n'ai aucune hesitation a appuyer la motion du depute.")
    # the riding is cut: he is a member, not « député de Burin-St. »
    assert speaker(matthews)["function"] == "député"
    # and the words are no longer the previous speaker's
    assert not any("M. Bill Matthews (Burin-St." in r.text for r in records)


def test_a_label_missing_its_closing_parenthesis_is_a_turn():
    records = sitting("hansard.36.1.house.debates.055.f")
    # « Mme Shaughnessy Cohen (Windsor-St. » then « Monsieur le President, j'ai l'honneur de
    # presenter trois petitions. »: hers, not John Nunziata's (whose own turn is empty)
    cohen = turns_of(records, "Shaughnessy Cohen")
    assert any(
        r.text.startswith("Monsieur le President, j'ai l'honneur de presenter") for r in cohen
    )
    assert not turns_of(records, "John Nunziata")


# --- A member moving a motion in the House -----------------------------------------------------


def test_a_member_moving_his_motion_and_speaking_to_it_is_a_speaker():
    # private members' business: « M. Peter Mancini (Sydney-Victoria, NPD) propose: » then his
    # speech, his only turn of the sitting
    (mancini,) = turns_of(sitting("hansard.36.1.house.debates.021.f"), "Peter Mancini")
    assert mancini.text.startswith("C'est sur ce littoral qu'ont debarque")
    assert speaker(mancini)["function"] == "député de Sydney-Victoria"


def test_the_written_motion_is_nobodys_words():
    # report stage: « M. Real Menard (…) propose: » then « Attendu que le Parlement reconnait … »,
    # « au Canada dans le respect des competences provinciales … et ce par: »: motion text, which
    # before stood in the turn of the previous label (Robert D. Nault's, whose turns are empty)
    records = sitting("hansard.36.2.house.debates.070.f")
    assert not any(
        "competences provinciales en matiere de sante, et ce par" in r.text for r in records
    )
    assert not turns_of(records, "Robert D. Nault")


def test_a_motion_seconded_by_another_member_is_the_chair_putting_the_question():
    # « Le senateur Boudreau, appuye par le senateur Lynch-Staunton, propose: » then « Vous
    # plait-il, honorables senateurs, d'adopter la motion? »: the Speaker's words, no turn
    records = sitting("hansard.36.2.senate.debates.1999-12-07.17.f")
    assert not turns_of(records, "Boudreau")


# --- The Senate: inquiries, witnesses, chairs -----------------------------------------------


@pytest.mark.parametrize(
    ("name", "senator", "first_words"),
    [
        # « L'honorable Erminie J. Cohen , ayant donne preavisle 20 avril 1999: »
        (
            "hansard.36.1.senate.debates.1999-06-10.148.f",
            "Erminie J. Cohen",
            "Il s'agit d'un besoin",
        ),
        # « L'honorable Pat Carney , conformement a l'avis du 24 mars 1998: »
        ("hansard.36.1.senate.debates.1998-04-29.055.f", "Pat Carney", "Le rapport contient"),
    ],
)
def test_a_senator_opening_an_inquiry_has_the_floor(name, senator, first_words):
    turns = turns_of(sitting(name), senator)
    assert turns and turns[0].text.startswith(first_words)


def test_witnesses_heard_in_committee_of_the_whole_are_speakers_with_their_function():
    records = sitting("hansard.36.1.senate.debates.1997-12-03.025.f")
    # « M. George Clermont , president et directeur general, Societe canadienne des postes: »
    (clermont,) = turns_of(records, "George Clermont")
    assert speaker(clermont)["function"] == (
        "president et directeur general, Societe canadienne des postes"
    )
    assert clermont.text.startswith("C'est un grand honneur pour nous")
    # « L'honorable Lawrence MacAulay , ministre du Travail: »
    (macaulay,) = turns_of(records, "Lawrence MacAulay")
    assert speaker(macaulay)["function"] == "ministre du Travail"


def test_the_acting_speaker_is_the_one_the_header_names_as_president_interimaire():
    # header « L'honorable Eymard G. Corbin, President interimaire », label « Son Honneur le
    # President suppleant: » (Corbin is « President suppleant » in other sittings' headers)
    (corbin,) = turns_of(
        sitting("hansard.36.1.senate.debates.1997-11-04.015.f"), "Eymard G. Corbin"
    )
    assert corbin.text.startswith("La permission est-elle accordee, honorables senateurs?")
    # « L'honorable Fernand Robichaud, c.p., President interimaire »: a title between them
    assert turns_of(sitting("hansard.36.1.senate.debates.1999-05-04.135.f"), "Fernand Robichaud")


def test_a_chair_nobody_names_holds_the_floor_but_is_no_named_speaker():
    # header « L'honorable Gildas L. Molgat, President »; « Son Honneur le President suppleant »
    # is someone else, whom the sitting does not name: a role is no person (CONVENTIONS.md, 2)
    records = sitting("hansard.36.2.senate.debates.1999-11-16.07.f")
    acting = [r for r in records if r.title.endswith("— le President suppleant")]
    assert acting and all("speakers" not in r.meta for r in acting)
    names = {speaker(r)["name"] for r in records}
    assert "Gildas L. Molgat" in names and "le President suppleant" not in names
