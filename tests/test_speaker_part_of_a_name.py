"""A speaker's address takes part of a name (« /speaker/Aubert »), but a letter or two names
nobody: « /speaker/a » listed every person and organisation whose name holds an « a »."""

from __future__ import annotations


def test_one_letter_names_nobody(client):
    for typed in ("a", "e", "Au"):
        page = client.get(f"/speaker/{typed}")
        assert page.status_code == 404, typed
        assert "Personne de ce nom" in page.get_data(as_text=True)


def test_three_letters_of_a_name_still_lead_to_its_person(client):
    whole = client.get("/speaker/Aubertin")
    part = client.get("/speaker/Aube")
    assert whole.status_code == part.status_code == 302
    assert part.headers["Location"] == whole.headers["Location"]


def test_a_letter_in_a_query_selects_nobody(client):
    data = client.get("/api/search", query_string={"q": "speaker:a"}).get_json()
    assert data["total"] == 0
