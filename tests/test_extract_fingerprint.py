"""Near-duplicate fingerprints for alternates of one release (Markdown, HTML, PDF)."""

from indexer.extract.fingerprint import containment, fingerprint, group_alternates, similarity

RELEASE = (
    "Le Comité de soutien à Antoine Deltour souhaite que la visite officielle du président de "
    "la République soit l'occasion d'aborder sans tabou le sujet de la justice fiscale."
)


def test_same_words_different_layout_are_identical():
    pdf_like = RELEASE.upper().replace(" ", "\n", 5).replace("à", "a")
    assert similarity(RELEASE, pdf_like) == 1.0


def test_unrelated_texts_are_far_apart():
    assert similarity(RELEASE, "La crue de l'Orbize a noyé les quais de Nantes cette nuit.") < 0.1


def test_a_version_with_an_extra_link_stays_close():
    assert similarity(RELEASE, "Version PDF\n\n" + RELEASE) > 0.8


def test_containment_of_an_excerpt():
    assert containment(RELEASE[: RELEASE.index(" du président")], RELEASE) == 1.0


def test_fingerprints_are_stable_numbers():
    assert fingerprint("un deux trois quatre cinq") == fingerprint(
        "Un, deux, trois, quatre, cinq !"
    )
    assert all(isinstance(h, int) for h in fingerprint(RELEASE))


def test_empty_text_has_an_empty_fingerprint():
    assert fingerprint("") == frozenset()


def test_group_alternates():
    groups = group_alternates({"a.md": RELEASE, "a.pdf": RELEASE.upper(), "b.md": "Autre chose."})
    assert groups == [["a.md", "a.pdf"], ["b.md"]]
