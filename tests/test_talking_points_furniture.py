"""The talking points are lines people repeat, not the record's furniture: the ministers'
titles the Conseil des ministres' record strings together week after week (« le ministre de
l'économie, des finances et de la relance et la ministre déléguée … ont présenté une
communication »), a bill's title read out at each stage (« Projet de loi concernant les
services publicitaires fournis par les editeurs etrangers de periodiques »), the lettered
clauses of a motion or a bill the record reprints (« a ) comme si le terme extradition se
lisait … »). A press officer looking for what the government or a member keeps saying
should find their lines, these left out of the list (and still in the groups: a pasted
passage's genealogy finds them). The passages are the shared corpus's (vie-publique's
Conseil des ministres, the Canadian Senate's Hansard)."""

from __future__ import annotations

import pytest
from test_talking_points_record import indexed_client

from indexer.genealogy import bill_title, office_titles, reprinted_clauses

TITLES = ("le ministre de l'économie, des finances et de la relance et la ministre déléguée "
          "auprès de la ministre de la transition écologique, chargée du logement, ont présenté "
          "une communication relative à")
RELANCE = ("Le plan de relance consacrera sept milliards d'euros à la rénovation énergétique des "
           "logements et des bâtiments publics d'ici à la fin de l'année 2022")
BILL = ("Projet de loi concernant les services publicitaires fournis par les editeurs etrangers "
        "de periodiques")
CLAUSES = ("a ) comme si le terme extradition se lisait remise a un tribunal international; b ) "
           "comme si l'expression accord general d'extradition se lisait accord general de "
           "remise; c ) comme si l'expression partenaire se lisait partenaire judiciaire")
INUITS = ("Les Inuits trouvent extremement troublantes les conditions du logement au Nunavik, "
          "ou trois generations vivent souvent sous un meme toit")


def council(day: int, subject: str, *said: str) -> dict[str, str]:
    """A Conseil des ministres' item: the ministers' titles, what they presented, the
    government's line (neither at the top nor at the bottom, where it would be a header or
    a footer)."""
    before, after, last = said
    return {"title": f"Conseil des ministres du {day} octobre 2020. {subject}.",
            "date": f"2020-10-{day:02d}", "kind": "conseil des ministres",
            "speakers": "Secrétariat général du Gouvernement",
            "text": f"{before} {TITLES} {subject.lower()}. {after} {RELANCE}. {last}"}


def sitting(day: int, senator: str, *said: str) -> dict[str, str]:
    """A Senate sitting: a senator's line, the bill's title, the bill's clauses."""
    first, second, third, last = said
    return {"title": f"Sénat du Canada, séance du 1999-04-{day:02d}", "date": f"1999-04-{day:02d}",
            "kind": "débat", "speakers": senator,
            "text": f"{first} {INUITS}. {second} {BILL}. {third} "
                    f"{CLAUSES}. {last}"}


ROWS = [
    council(7, "La rénovation énergétique",
            "Le Conseil a d'abord entendu le point hebdomadaire sur la situation sanitaire.",
            "Les premiers chantiers commenceront dans les lycées et les universités dès "
            "le mois de novembre.",
            "La ministre de la culture a enfin présenté le bilan des journées du patrimoine."),
    council(14, "Le logement des étudiants",
            "Le Premier ministre a ouvert la séance par un hommage aux victimes des "
            "intempéries des Alpes-Maritimes.",
            "Les résidences universitaires du Crous seront les premières concernées, avant les "
            "logements sociaux des quartiers prioritaires.",
            "Le Conseil a nommé un nouveau recteur de l'académie de Lille."),
    council(21, "La territorialisation du plan de relance",
            "Le président de la République a rappelé les engagements pris devant les maires.",
            "Les préfets de région signeront des accords avec les présidents des conseils "
            "régionaux avant la fin de l'année.",
            "Le ministre des armées a rendu compte des opérations au Sahel."),
    sitting(13, "Charlie Watt",
            "Le Senat reprend ses travaux apres la pause de Paques, sous la presidence de "
            "l'honorable Gildas Molgat.",
            "La question des tribunaux penaux internationaux revient devant nous avec ce texte "
            "que la Chambre a modifie en comite:",
            "Je rentre d'une tournee des villages de la baie d'Ungava, et je le dis sans "
            "detour:",
            "Le Senat s'ajourne a demain, quatorze heures."),
    sitting(20, "Charlie Watt",
            "Les pages du Senat sont presentes aujourd'hui pour leur derniere semaine avant "
            "les examens.",
            "Le ministre de la Justice a depose les modifications que le comite a retenues "
            "apres les temoignages de mardi:",
            "On m'a demande cette semaine encore a Kuujjuaq ce que le gouvernement comptait "
            "faire, car",
            "Les questions orales reprendront jeudi avec le leader du gouvernement."),
    sitting(27, "Willie Adams",
            "Le Senat souhaite la bienvenue a une delegation de parlementaires de Norvege "
            "venue etudier nos institutions.",
            "La ministre a envoye au Senat le texte final de l'article 47, tel que les deux "
            "chambres l'ont examine:",
            "Mon collegue du Nunavik me l'a rappele en fevrier, et les maires de la region le "
            "repetent depuis dix ans:",
            "Nous entendrons lundi les chefs des Premieres Nations du Manitoba."),
]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    yield from indexed_client(tmp_path_factory.mktemp("furniture"), ROWS)


FURNITURE = ["chargée du logement", "services publicitaires fournis par les editeurs",
             "se lisait remise a un tribunal international"]


@pytest.mark.parametrize("words", FURNITURE)
def test_the_records_furniture_is_repeated_but_no_talking_point(client, words):
    # the three pieces are repeated in three documents: their genealogy lists them all
    found = client.get("/api/genealogy", query_string={"q": words}).get_json()
    assert len(found["occurrences"]) == 3
    listed = client.get("/api/talking-points").get_json()["items"]
    assert not any(words in item["passage"] for item in listed)
    assert words not in client.get("/elements-de-langage").get_data(as_text=True)


def test_the_lines_people_repeat_are_listed(client):
    listed = client.get("/api/talking-points").get_json()["items"]
    passages = [item["passage"] for item in listed]
    assert any("sept milliards d'euros à la rénovation énergétique" in p for p in passages)
    assert any("conditions du logement au Nunavik" in p for p in passages)


TITLES_OF_MINISTERS = [
    "le ministre de l'économie, des finances et de la relance et",
    "le secrétaire d'État auprès du ministre de l'Europe et des affaires étrangères, chargé du "
    "tourisme, des Français de l'étranger et de la francophonie, ont présenté une communication",
    "ministre de l'intérieur a présenté un projet de loi ratifiant l'ordonnance n° 2020",
    "Geneviève DARRIEUSSECQ, ministre déléguée auprès de la ministre des Armées, chargée de la "
    "Mémoire et des Anciens combattants",
]
TITLES_OF_BILLS = [
    "projet de loi ouvrant le mariage aux couples de personnes de même sexe",
    "Projet de loi sur l'Agence des douanes et du revenu du Canada (Le",
    "fois? Projet de loi visant a changer le nom de la circonscription electorale de "
    "Stormont-Dundas (Le",
    "loi concernant les services publicitaires fournis par les editeurs etrangers de periodiques",
    "dispositions de la loi n° 2019-1461 du 27 décembre 2019 relative à",
    "La loi de financement de la sécurité sociale pour 2013",
]
REPRINTED_CLAUSES = [
    "3) le chef interimaire d'etat-major de la Defense nationale a l'epoque; 4) le conseiller "
    "special du ministre de la Defense nationale a l'epoque",
    "1) de la meme loi est remplace par ce qui suit",
    "Les paragraphes (1) a (4) de l'article 93 ne s'appliquent pas au Quebec",
    "d ) les proces-verbaux des reunions ministerielles, interministerielles et autres",
]


@pytest.mark.parametrize(("rule", "text"), [
    *((office_titles, text) for text in TITLES_OF_MINISTERS),
    *((bill_title, text) for text in TITLES_OF_BILLS),
    *((reprinted_clauses, text) for text in REPRINTED_CLAUSES),
])
def test_the_furniture_of_the_shared_corpus(rule, text):
    assert rule(text)


# Lines people repeat that speak of a bill or of a minister: the rules must leave them listed
# (each of the first nine was taken for furniture by a first version of the rules).
@pytest.mark.parametrize("text", [
    "Le projet de loi C-53 ne modifie en rien les grands parametres du programme",
    "Le projet de loi du gouvernement fait fi du partage des competences",
    "La Loi sur la TPS est entree en vigueur le 1 er",
    "Le refus du ministre des Finances de reduire les cotisations",
    "Le ministre de l'éducation nationale a réussi l'exploit de faire sur ce",
    "la ministre de la famille, de changer la composition du Haut conseil de la famille",
    "C'est ce que le ministre des Finances a fait. Il a fait",
    "Le projet de loi C-19 ne fait rien pour regler ce probleme",
    "Le projet de loi C-245 porte directement sur l'agression sexuelle",
    "projet de loi C-68. Le gouvernement a eu tout l'ete pour preparer ce projet de loi",
    "projet de loi de séparation et de régulation des activités bancaires, conformément à "
    "l'engagement n° 7 du Président de la République. Près de cinq ans après le déclenchement "
    "de la crise financière, il était indispensable d'instaurer de nouvelles régulations",
    "sur le mariage et l'adoption ouverts aux couples de même sexe",
    "La ministre de la transition écologique a annoncé un plan de deux milliards pour la "
    "rénovation des logements",
    INUITS,
    RELANCE,
])
def test_lines_people_repeat_are_no_furniture(text):
    assert not bill_title(text) and not office_titles(text) and not reprinted_clauses(text)
