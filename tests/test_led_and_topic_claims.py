"""Who a pasted line names, read the way leads and headlines print it.

A journalist pastes « Selon Sophie Lemaire-Dufour, aider les exploitations vers des cultures
moins gourmandes en eau », remembered from her interview (Nantes, 20 June 2023: « d'aider les
exploitations à changer d'assolement, vers des cultures moins gourmandes en eau l'été »). The
words hold no verb a sentence needs, so the lead was not read as hers: `verify` compared the
whole line, « Selon » and the name with it, and found nothing (« Introuvable »). A lead's
« Selon X, … », « D'après X, … », « Pour X, … » is now read as X's claim whatever the words,
when the index knows X as a speaker (`indexer.intent.split_led_claim`, read by
`split_named_claim`): her nearest words are found, and said to be hers. « Pour Noël, … » names
nobody the index knows.

A headline's topic alone before the words (« Covid-19 : « … » », « Sécheresse : « … » ») is
no one who said them: no note gives them to « Covid-19 » (`indexer.intent.topic_shaped`, the
index's themes and speakers: `indexer.verify._SpeakerKeys.topic`). A person's name heading the
line before a newspaper's (« Claire Aubertin : Libération « … » ») is who said them, not a
rubric before Libération's words (`indexer.intent.MEDIA_NAMES`).

A single common noun heading the line alone (« Dette : « … » », « Agriculteurs : « … » ») is a
topic too, though it is shaped like a surname and is none of the index's themes: the index
knows no speaker by that name and its texts write the word in lower case (« la dette », « les
agriculteurs »; `indexer.verify._SpeakerKeys.common`). A surname they write capitalised (« Paul
Verdier », who interviewed her) is still who the line names.

Read on the demo corpus, through the command line, the search page and the API.
"""

import pytest

from indexer import intent
from tests.conftest import verify_json

# her interview's words (markdown/2023-06-20-entretien-lemaire-dufour-secheresse.md)
HERS = "d'aider les exploitations à changer d'assolement, vers des cultures moins gourmandes en eau"
REMEMBERED = "aider les exploitations vers des cultures moins gourmandes en eau"
SAID = "aider les exploitations à changer d'assolement, vers des cultures moins gourmandes en eau"


@pytest.mark.parametrize("line, who", [
    (f"Selon Sophie Lemaire-Dufour, {REMEMBERED}", "Sophie Lemaire-Dufour"),
    (f"D'après Lemaire-Dufour, {REMEMBERED}", "Lemaire-Dufour"),
    (f"Pour Sophie Lemaire-Dufour, {REMEMBERED}", "Sophie Lemaire-Dufour"),
    (f"Pour Sophie Lemaire-Dufour, porte-parole de la FRV, {REMEMBERED}",
     "Sophie Lemaire-Dufour"),
    (f"Comme l'a dit Sophie Lemaire-Dufour, {REMEMBERED}", "Sophie Lemaire-Dufour"),
])
def test_a_lead_names_who_said_words_that_are_no_sentence(line, who):
    assert intent.split_named_claim(line) == (who, REMEMBERED)


@pytest.mark.parametrize("line", [
    f"Pour la France, {REMEMBERED}",  # a country, a cause: nobody who speaks
    f"Pour lui, {REMEMBERED}",
    "Selon Bruxelles, déficit 5 %",  # too few words to be a quotation
    f"Pour Sophie Lemaire-Dufour « {REMEMBERED} »",  # between marks: the other readers'
])
def test_a_lead_that_names_no_speaker_or_no_words_is_not_read(line):
    assert intent.split_led_claim(line) is None


def test_her_nearest_words_are_found_after_selon(demo_index_shared):
    found = verify_json(demo_index_shared, f"Selon Sophie Lemaire-Dufour, {REMEMBERED}")
    assert found["verdict"] == "close"
    assert found["passage"] == HERS
    assert found["note"] == "Ce sont bien les mots de Sophie Lemaire-Dufour selon la source."


@pytest.mark.parametrize("lead", ["Pour Sophie Lemaire-Dufour,", "Pour Lemaire-Dufour,",
                                  "Pour Sophie Lemaire-Dufour, porte-parole de la FRV,"])
def test_pour_is_read_as_selon_is(demo_index_shared, lead):
    found = verify_json(demo_index_shared, f"{lead} {SAID}")
    assert found["verdict"] == "exact"
    assert found["note"].startswith("Ce sont bien les mots de ")
    # a lead naming nobody the index knows as a speaker gives the words to no one
    nobody = verify_json(demo_index_shared, f"Pour Noël, {SAID}")
    assert "Vous donnez" not in (nobody["note"] or "")
    assert "Ce sont bien" not in (nobody["note"] or "")


@pytest.mark.parametrize("topic", ["Covid-19", "JO 2024", "Guerre en Ukraine",
                                   "Pouvoir d'achat", "COP28"])
def test_a_topic_is_told_by_its_shape(topic):
    assert intent.topic_shaped(topic)


@pytest.mark.parametrize("name", ["Sophie Lemaire-Dufour", "Darmanin", "Le Maire",
                                  "Comité de soutien à Antoine Deltour", "la place Beauvau",
                                  "le ministre de l'Intérieur", "Jean de La Fontaine"])
def test_a_person_an_organisation_an_office_are_no_topic(name):
    assert not intent.topic_shaped(name)


@pytest.mark.parametrize("topic", ["Covid-19", "Guerre en Ukraine", "Sécheresse"])
def test_a_headline_s_topic_alone_is_not_who_said_the_words(demo_index_shared, topic):
    # « Sécheresse » is one of the demo corpus's themes: a topic by the index, not its shape
    found = verify_json(demo_index_shared, f"{topic} : « {SAID} »")
    assert found["verdict"] == "exact"
    assert topic not in (found["note"] or "")
    assert "Vous donnez" not in (found["note"] or "")


def test_the_search_page_gives_no_topic_the_words(demo_client):
    page = demo_client.get("/", query_string={"q": f"Covid-19 : « {SAID} »"})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Vous donnez ces mots à Covid-19" not in html


@pytest.mark.parametrize("line", [
    f"Claire Aubertin : Libération « {SAID} »",
    f"Claire Aubertin : Le Monde : « {SAID} »",
    f"Claire Aubertin : France Inter “{SAID}”",
])
def test_a_name_heading_the_line_before_a_newspaper_is_who_said_the_words(line):
    assert intent.pasted_claim(line) == ("Claire Aubertin", SAID)
    # a rubric before a name is read as before
    assert intent.pasted_claim("Retraites : Macron « Il faut aller au bout de la réforme »") \
        == ("Macron", "Il faut aller au bout de la réforme")


def test_the_newspaper_is_not_given_the_words(demo_index_shared):
    for line in (f"Claire Aubertin : Libération « {SAID} »",
                 f"Claire Aubertin : « {SAID} »"):  # as a name before a colon always was
        found = verify_json(demo_index_shared, line)
        assert found["note"] == ("Vous donnez ces mots à Claire Aubertin : la source les donne "
                                 "à Sophie Lemaire-Dufour.")


@pytest.mark.parametrize("topic", ["Agriculteurs", "Pesticides", "Maires", "Pêcheurs"])
def test_a_common_noun_heading_the_line_is_not_who_said_the_words(demo_index_shared, topic):
    # none of them a theme of the demo corpus nor a speaker: its texts write them in lower
    # case (« les agriculteurs réclament de nouvelles retenues »)
    found = verify_json(demo_index_shared, f"{topic} : « {SAID} »")
    assert found["verdict"] == "exact"
    assert "Vous donnez" not in (found["note"] or "")


@pytest.mark.parametrize("surname", ["Verdier", "Aubertin"])
def test_a_surname_heading_the_line_is_still_who_it_names(demo_index_shared, surname):
    # Paul Verdier interviewed her, no speaker of the index; Claire Aubertin is one
    found = verify_json(demo_index_shared, f"{surname} : « {SAID} »")
    assert found["note"] == (f"Vous donnez ces mots à {surname} : la source les donne à "
                             "Sophie Lemaire-Dufour.")


def test_the_pages_give_no_common_noun_the_words(demo_client):
    line = f"Agriculteurs : « {SAID} »"
    page = demo_client.post("/verifier", data={"q": line}).get_data(as_text=True)
    assert "d&#39;assolement" in page or "d'assolement" in page
    assert "Vous donnez ces mots à Agriculteurs" not in page
    html = demo_client.get("/", query_string={"q": line}).get_data(as_text=True)
    assert "Vous donnez ces mots à Agriculteurs" not in html


def test_debt_heading_a_minister_s_words_is_no_author(shared_index):
    # Clément Beaune, secrétaire d'État aux affaires européennes, 2020 (vie-publique.fr): the
    # shared corpus's texts write « la dette » in lower case; « Dette » speaks nowhere
    said = ("La crise sanitaire rend cette réforme encore plus nécessaire car la dette aura "
            "collectivement augmenté massivement")
    found = verify_json(shared_index[0], f"Dette : « {said} »")
    assert found["verdict"] == "exact"
    assert "Vous donnez" not in (found["note"] or "")
