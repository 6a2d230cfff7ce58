"""Official titles: speakers with their functions, bodies, place or medium, date."""

import pytest

from indexer.extract.titles import parse_title

CASES = [
    (
        "Déclaration de M. Jean Castex, Premier ministre, sur la relance, à Paris le 3 septembre.",
        [("Jean Castex", "Premier ministre")],
    ),
    (
        "Interview de M. Olivier Dussopt, ministre des comptes publics, à France info le 21 "
        "septembre 2020, sur la politique économique du gouvernement.",
        [("Olivier Dussopt", "ministre des comptes publics")],
    ),
    (
        "Interview de M. Éric Dupond-Moretti, garde des sceaux, ministre de la justice, à RTL le "
        "25 septembre 2020, sur le budget.",
        [("Éric Dupond-Moretti", "garde des sceaux, ministre de la justice")],
    ),
    (
        "Déclarations de Mmes Florence Parly, ministre des armées et Geneviève Darrieussecq, "
        "ministre chargée de la mémoire et des anciens combattants, sur l'armée, à Paris le 3 "
        "octobre 2020.",
        [
            ("Florence Parly", "ministre des armées"),
            ("Geneviève Darrieussecq", "ministre chargée de la mémoire et des anciens combattants"),
        ],
    ),
    (
        "Interview de Mme Roselyne BACHELOT, ministre de la Culture, à BFMTV le 26 octobre 2020.",
        [("Roselyne Bachelot", "ministre de la Culture")],
    ),
    (
        "Interview de de M. Gabriel Attal, secrétaire d'État, porte-parole du gouvernement, à "
        "France Inter le 21 septembre 2020, sur la covid.",
        [("Gabriel Attal", "secrétaire d'État, porte-parole du gouvernement")],
    ),
    (
        "Déclaration de M. Franck Riester, Franck Riester, ministre du commerce extérieur, sur x.",
        [("Franck Riester", "ministre du commerce extérieur")],
    ),
    (
        "Interview de M. Olivier Dussopt, ministre du Travail, à Europe 1, le 31 mars 2023, sur x.",
        [("Olivier Dussopt", "ministre du Travail")],
    ),
    (
        "Interview de Marlène Schiappa, ministre de la citoyenneté, à France Info le 30 octobre.",
        [("Marlène Schiappa", "ministre de la citoyenneté")],
    ),
    (
        "Lettre de M. Emmanuel Macron, président de la République, adressée à M. David Sassoli.",
        [("Emmanuel Macron", "président de la République")],
    ),
    ("Conseil des ministres du 23 septembre 2020. Le bilan des journées du patrimoine.", []),
    (
        "Déclaration conjointe des ministres des affaires étrangères de la France et de "
        "l'Allemagne sur l'Iran, le 20 septembre 2020.",
        [],
    ),
    ("Une condamnation incompréhensible et inacceptable", []),
]


@pytest.mark.parametrize(("title", "speakers"), CASES)
def test_title_speakers_and_functions(title, speakers):
    assert parse_title(title).speakers == speakers


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Communiqué de la Présidence de la République, en date du 14 septembre 2020, sur x.",
            "Présidence de la République",
        ),
        (
            "Communiqué du ministère de l'Europe et des affaires étrangères, en date du 13 "
            "septembre 2020, sur x.",
            "Ministère de l'Europe et des affaires étrangères",
        ),
        (
            "Déclaration conjointe du Groupe international de soutien au Liban, le 23 septembre.",
            "Groupe international de soutien au Liban",
        ),
    ],
)
def test_title_issuing_body(title, body):
    assert parse_title(title).bodies == [body]


def test_interview_medium_is_no_place():
    info = parse_title("Interview de M. X Y, ministre, à France info le 21 septembre 2020, sur z.")
    assert (info.where, info.medium) == ("France info", True)


def test_speech_place_drops_the_article():
    info = parse_title(
        "Déclaration de M. Clément Beaune, secrétaire d'État, en réponse à une question sur la "
        "Biélorussie, à l'Assemblée nationale le 15 septembre 2020."
    )
    assert (info.where, info.medium, info.date.iso()) == (
        "Assemblée nationale",
        False,
        "2020-09-15",
    )


def test_ministers_named_by_function_only_are_listed():
    info = parse_title(
        "Déclarations de M. Jean Castex, Premier ministre, et des ministres de l'intérieur, du "
        "travail et de la santé, sur le couvre-feu, à Paris le 15 octobre 2020."
    )
    assert info.speakers == [("Jean Castex", "Premier ministre")]
    assert info.functions == [
        "ministre de l'intérieur",
        "ministre du travail",
        "ministre de la santé",
    ]
