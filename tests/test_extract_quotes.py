"""Quotations: finding every pair of marks, telling speech from titles, attributing speech."""

import pytest

from indexer.document import Document
from indexer.extract import enrich_document
from indexer.extract.names import Aliases
from indexer.extract.quote_spans import find_spans
from indexer.extract.themes import Thesaurus


def enrich(text, kind="communiqué", title=None, **fields):
    doc = Document("x", "a.md", "md", text, kind=kind, title=title, **fields)
    return enrich_document(doc, aliases=Aliases(), thesaurus=Thesaurus())


def speech(doc):
    return [q for q in doc.quotes if q.is_speech]


def only(doc):
    quotes = speech(doc)
    assert len(quotes) == 1, [(q.text, q.speaker) for q in doc.quotes]
    return quotes[0]


# --- Finding marks ---------------------------------------------------------------------------


def test_offsets_point_at_the_quoted_words():
    doc = enrich("Antoine Deltour a déclaré : « Je ferai appel de ce jugement. »")
    quote = only(doc)
    assert doc.text[quote.start : quote.end] == quote.text == "Je ferai appel de ce jugement."


def test_nested_guillemets_give_an_outer_speech_and_an_inner_title():
    text = "Il a déclaré : « Le procès « LuxLeaks » restera dans les mémoires de tous. »"
    spans = find_spans(text)
    assert [(text[s.start : s.end], s.depth) for s in spans] == [
        ("Le procès « LuxLeaks » restera dans les mémoires de tous.", 0),
        ("LuxLeaks", 1),
    ]


def test_quotation_spanning_paragraphs_reopened_with_guillemets_is_one():
    text = (
        "La ministre a déclaré : « Nous agirons vite pour les rivières.\n\n"
        "« Et nous rendrons compte chaque mois de nos résultats. »"
    )
    spans = [s for s in find_spans(text) if s.depth == 0]
    assert len(spans) == 1
    assert text[spans[0].start : spans[0].end].endswith("de nos résultats.")


def test_unclosed_guillemet_dies_with_its_paragraph():
    assert find_spans("Il dit « oui sans fin.\n\nAutre paragraphe.") == []


def test_english_double_quotes_and_straight_quotes_are_quotations():
    text = 'Elle a dit “nous ne lâcherons rien sur ce dossier” puis "nous reviendrons très vite".'
    assert [text[s.start : s.end] for s in find_spans(text)] == [
        "nous ne lâcherons rien sur ce dossier",
        "nous reviendrons très vite",
    ]


def test_mistyped_opening_mark_is_read_as_opening():
    text = "ces propos, « tenter l'apaisement », » renouer le dialogue avec eux », ensuite"
    assert [text[s.start : s.end] for s in find_spans(text)] == [
        "tenter l'apaisement",
        "renouer le dialogue avec eux",
    ]


# --- Speech or title -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Le jugement rendu dans le procès « LuxLeaks » est attendu.",
        "Nous lançons l'opération « Quartiers d'été » dans quarante villes.",
        "Vous publiez ce livre, « Entre toutes les femmes, onze rencontres », chez Grasset.",
        "Je l'ai dit dans « Le Monde » la semaine dernière.",
        "Les « Cités éducatives » accompagnent les enfants dès trois ans.",
        "Ils ont salué le « courage » des deux lanceurs d'alerte.",
        "Il a signé la pétition « Soutenons Antoine Deltour ! » hier.",
        "Le Quotidien – « Procès LuxLeaks : 108 eurodéputés réclament une enquête »",
    ],
)
def test_titles_and_scare_quotes_are_not_speech(text):
    doc = enrich(text)
    assert doc.quotes and not speech(doc)
    assert all(q.speaker is None for q in doc.quotes)


def test_a_speakers_own_short_scare_quote_is_not_speech():
    doc = enrich(
        "Il ne s'agit pas de surfer sur la « vague verte » du moment.",
        kind="déclaration",
        title="Déclaration de Mme Florence Parly, ministre des armées, sur l'énergie.",
    )
    assert not speech(doc)


def test_a_short_fragment_explicitly_given_to_someone_is_speech():
    doc = enrich("Me Hansen affirme qu'Antoine Deltour a agi « par opportunisme ».")
    assert (only(doc).text, only(doc).speaker) == ("par opportunisme", "Hansen")


# --- Attribution cues ------------------------------------------------------------------------

CUES = [
    (
        "Antoine Deltour a déclaré : « Je ferai appel de ce jugement. »",
        "Antoine Deltour",
        "a déclaré",
    ),
    (
        "Antoine Deltour a rappelé que « la justice fiscale est un combat européen ».",
        "Antoine Deltour",
        "a rappelé",
    ),
    (
        "Le comité souligne que, pour Raphaël Halet, « la décision reste incompréhensible ».",
        "Raphaël Halet",
        "pour Raphaël Halet",
    ),
    (
        "Sophie Martin estime que « la rivière ne se remettra pas de cet été ».",
        "Sophie Martin",
        "estime",
    ),
    (
        "Julien Marchetti s'est félicité : « Nous avons enfin été entendus par la préfecture. »",
        "Julien Marchetti",
        "s'est félicité",
    ),
    (
        "« Nous ne céderons rien sur la qualité de l'eau », a déclaré Claire Aubertin.",
        "Claire Aubertin",
        "déclaré",
    ),
    (
        "« Ce jugement mitigé est un argument supplémentaire » déclare Antoine Deltour.",
        "Antoine Deltour",
        "déclare",
    ),
    (
        "Selon Claire Aubertin, « les nappes ne se sont pas rechargées cet hiver ».",
        "Claire Aubertin",
        "Selon Claire Aubertin",
    ),
    (
        "D'après Julien Marchetti, « le barrage menace toute la faune de la vallée ».",
        "Julien Marchetti",
        "D'après Julien Marchetti",
    ),
    (
        "Pour Hugo Lefebvre, « la crue était annoncée depuis des semaines ».",
        "Hugo Lefebvre",
        "Pour Hugo Lefebvre",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue"), CUES)
def test_attribution_cues(text, speaker, cue):
    quote = only(enrich(text))
    assert (quote.speaker, quote.cue) == (speaker, cue)


def test_inverted_pronoun_goes_to_the_last_named_speaker():
    doc = enrich(
        "Claire Aubertin a ouvert la séance. « Nous attendons des actes concrets de l'État », "
        "a-t-elle ajouté."
    )
    quote = only(doc)
    assert (quote.speaker, quote.cue) == ("Claire Aubertin", "a-t-elle ajouté")


def test_selon_lui_goes_to_the_person_in_focus():
    doc = enrich(
        "Me Philippe Penning plaide la relaxe. Selon lui, « nous ne voulons pas être forcés "
        "à réfléchir sur nous-mêmes »."
    )
    assert only(doc).speaker == "Philippe Penning"


def test_pour_lui_beats_the_name_right_before_the_quote():
    doc = enrich(
        "David Lentz cadre son réquisitoire. Pour lui, Antoine Deltour « a commis un vol, "
        "c'est tout » selon la loi."
    )
    assert only(doc).speaker == "David Lentz"


def test_a_name_after_pour_without_comma_is_no_source():
    doc = enrich(
        "Me Bourdon plaide longuement. Le critère est respecté pour Antoine Deltour qui a agi "
        "« par pure conviction personnelle et sans calcul »."
    )
    assert only(doc).speaker != "Antoine Deltour"


def test_pronoun_subject_before_the_verb():
    doc = enrich(
        "Antoine Deltour est condamné. Il considère que « c'est une mise en garde "
        "adressée aux futurs lanceurs d'alerte »."
    )
    assert only(doc).speaker == "Antoine Deltour"


def test_sentence_subject_without_verb_of_speech():
    doc = enrich("Me William Bourdon se lève ensuite « pour défendre un homme extraordinaire ».")
    assert only(doc).speaker == "William Bourdon"


def test_quotation_following_another_in_the_same_sentence_keeps_its_speaker():
    doc = enrich(
        "Me Bourdon a dénoncé « une conception archaïque du droit » et « des réquisitions "
        "hors de toutes proportions »."
    )
    assert [q.speaker for q in speech(doc)] == ["Bourdon", "Bourdon"]


def test_apposition_gives_the_function():
    doc = enrich(
        "Dov Zerah, directeur général de l'Agence française de développement, a déclaré : "
        "« Ce prêt servira aux quartiers les plus pauvres. »"
    )
    quote = only(doc)
    assert quote.speaker == "Dov Zerah"
    assert quote.function.startswith("directeur général de l'Agence")


def test_function_before_the_name_is_kept():
    doc = enrich(
        "Le maire de Dakar, M. Khalifa Ababacar Sall, a affirmé : « Ce projet changera la vie "
        "des habitants de la ville. »"
    )
    quote = only(doc)
    assert (quote.speaker, quote.function) == ("Khalifa Ababacar Sall", "maire de Dakar")


def test_unnamed_president_is_kept_as_a_function():
    doc = enrich(
        "Le président de la République avait souligné que « l'égalité n'assure plus l'égalité "
        "des chances ».",
        kind="déclaration",
        title="Déclaration de Mme Jacqueline Gourault, ministre, sur la décentralisation.",
    )
    quote = only(doc)
    assert (quote.speaker, quote.function) == (None, "président de la République")


def test_speech_quotes_are_the_speakers_unless_attributed_otherwise():
    doc = enrich(
        "Comme l'écrivait Montesquieu, on n'y touche que « la main tremblante ». Mais tout le "
        "monde me dit « vous irez jusqu'au bout de cette réforme ».",
        kind="déclaration",
        title="Déclaration de Mme Jacqueline Gourault, ministre, sur la décentralisation.",
    )
    assert [(q.text, q.speaker) for q in speech(doc)] == [
        ("la main tremblante", "Montesquieu"),
        ("vous irez jusqu'au bout de cette réforme", "Jacqueline Gourault"),
    ]


def test_debate_turn_quotes_belong_to_its_speaker_when_he_says_them():
    def turn(text: str):
        doc = Document("x", "seance.xml", "tei", text, kind="débat", speakers=[])
        doc.speakers = [
            __import__("indexer.document", fromlist=["Speaker"]).Speaker("Julien Aubert")
        ]
        return only(enrich_document(doc, aliases=Aliases(), thesaurus=Thesaurus()))

    assert turn("Je vous le dis : « nous ne reculerons pas », et je le répète.").speaker == (
        "Julien Aubert"
    )
    # words heard from the colleague addressed, unnamed: nobody known, not the deputy who
    # holds the floor (tenth round, tests/test_attribution_tenth_round.py)
    said = turn("Je vous ai entendu dire « nous ne reculerons pas », et je vous réponds non.")
    assert said.speaker is None


INTERVIEW = (
    "LAURENCE FERRARI\n\nVous le dites dans ce livre, « à la vérité je n'ai plus de place pour "
    "toutes ces histoires » ?\n\nMARLENE SCHIAPPA\n\nNon. Des policiers nous ont dit « mon petit "
    "garçon n'ose pas dire que son papa est policier », c'est anormal.\n\nLAURENCE FERRARI\n\n"
    '"On ne peut pas se dire progressiste et ne pas voter ce texte" dit Aurore BERGE. Vous '
    "répondez ?\n\nMARLENE SCHIAPPA\n\nJe respecte son engagement."
)


def _interview():
    return enrich(
        INTERVIEW,
        kind=None,
        title="Interview de Mme Marlène Schiappa, ministre de la citoyenneté, à CNews le 8 "
        "octobre 2020, sur la laïcité.",
    )


def test_interview_journalist_quoting_the_interviewee_goes_to_the_interviewee():
    assert speech(_interview())[0].speaker == "Marlène Schiappa"


def test_interview_generic_source_goes_to_the_turn_speaker():
    assert speech(_interview())[1].speaker == "Marlène Schiappa"


def test_interview_named_source_in_a_question():
    assert speech(_interview())[2].speaker == "Aurore Berge"


def test_interview_turn_names_are_canonical_with_accents_from_the_title():
    doc = _interview()
    assert [s.name for s in doc.speakers] == ["Marlène Schiappa"]
    assert doc.meta["interviewers"] == ["Laurence Ferrari"]
