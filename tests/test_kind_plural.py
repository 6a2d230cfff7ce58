"""A press officer asks for « communiqués », as they are spoken of: the kind filter reads the
plural as its singular, on the page, the API and the exports (each kind's label is singular)."""

from __future__ import annotations


def kinds(client, **args) -> dict:
    data = client.get("/api/search", query_string={"q": "", **args}).get_json()
    return {v["value"]: v for v in data["facets"]["kind"]}, data["total"]


def test_the_plural_selects_the_kind(client):
    facet, _ = kinds(client)
    assert "communiqué" in facet
    _, singular = kinds(client, kind="communiqué")
    _, plural = kinds(client, kind="communiqués")
    _, capitalised = kinds(client, kind="Communiqués")
    assert singular == plural == capitalised == facet["communiqué"]["count"] > 0


def test_the_plural_is_shown_selected_under_its_label(client):
    facet, _ = kinds(client, kind="communiqués")
    assert facet["communiqué"]["selected"] is True


def test_a_kind_no_plural_names_still_selects_nothing(client):
    _, total = kinds(client, kind="bulletins")
    assert total == 0
