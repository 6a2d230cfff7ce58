"""The pasted-quotation benchmark (`python -m bench.quotes`): how passages are drawn, how
people's changes are made, which records count as relevant, and a run on the demo corpus.
Behaviour only: no time is asserted.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # bench/ is run from the checkout, not installed
    sys.path.insert(0, str(ROOT))

from bench.docs import BenchDoc  # noqa: E402
from bench.passages import (  # noqa: E402
    MAX_WORDS,
    MIN_WORDS,
    Drawer,
    TextIndex,
    normalise,
    passage_source,
)
from bench.quote_variants import (  # noqa: E402
    HEADLINED_ANY_VERBS,
    HEADLINED_RUBRICS,
    RUBRIC_LABELS,
    RUBRIC_TOPICS,
    VARIANTS,
    Vocabulary,
    asked,
    bare,
    by_function,
    captioned,
    case_accents,
    checked,
    drop_two,
    ellipsis,
    fragment,
    framed,
    headline,
    headlined,
    headlined_any,
    hyphenated,
    in_context,
    joined,
    led,
    make_variants,
    mistype,
    named_unmarked,
    office,
    punctuation,
    quotes,
    replace_one,
    replace_three,
    rubric,
    swap_replace,
    typos,
)

# Statements written for these tests (not taken from the shared corpus).
SENTENCES = [
    "Nous allons protéger les rivières du département contre les pollutions agricoles.",
    "Le gouvernement présentera au printemps un projet de loi sur la gestion de l'eau.",
    "Les agriculteurs ne peuvent pas porter seuls le coût de la transition écologique.",
    "Je vous recommande, dans toute la mesure du possible, de limiter vos déplacements.",
    "La sécheresse de cet été a montré la fragilité de nos réseaux d'eau potable.",
    "Chaque commune recevra une aide pour rénover ses canalisations les plus anciennes.",
    "Notre pays doit investir massivement dans la sobriété et dans la réutilisation des eaux.",
    "Les maires ruraux réclament depuis des années un fonds de solidarité territoriale.",
    "Il faut écouter les pêcheurs qui observent chaque jour la disparition des truites.",
    "Cette réforme permettra aux syndicats de bassin de mieux coordonner leurs travaux.",
    "Le préfet a signé hier un arrêté limitant l'arrosage des jardins et des pelouses.",
    "Les associations demandent une étude indépendante sur les effets du barrage.",
    "Nous refuserons toute privatisation des sources, qui appartiennent à tous les Français.",
    "Les industriels devront publier chaque année le volume d'eau qu'ils prélèvent.",
    "Aucune famille ne doit rester sans eau au robinet pendant une canicule.",
    "La commission rendra ses conclusions avant la fin de la session parlementaire.",
]
# Parts of statements, combined at random so that every record says something of its own.
SUBJECTS = ["Le gouvernement", "La ministre de l'écologie", "Notre association",
            "Le conseil régional", "Chaque commune du bassin", "Le préfet de la Vère",
            "Les agriculteurs du plateau", "La commission d'enquête"]
VERBS = ["s'engage à protéger", "refuse de sacrifier", "veut financer", "demande d'étudier",
         "promet de rénover", "doit surveiller", "entend défendre", "va consulter"]
OBJECTS = ["les rivières et les zones humides", "les réseaux d'eau potable",
           "les truites et les saumons", "les canalisations les plus anciennes",
           "les sources de montagne", "le barrage de Montclair", "les nappes phréatiques",
           "la réutilisation des eaux usées"]
WHEN = ["avant la fin de l'année", "dans tout le département", "malgré la sécheresse",
        "avec les maires ruraux", "pendant la canicule", "au nom de la solidarité",
        "sans attendre la loi", "pour les générations futures"]
BOILERPLATE = [
    "La séance est ouverte à quinze heures sous la présidence de Mme la présidente.",
    "Contact presse : Claire Aubertin, présidente de l'association, au secrétariat.",
]


def statement(rng: random.Random, size: int = 6) -> str:
    """Paragraphs of two made-up sentences, with boilerplate before and after."""
    def sentence() -> str:
        return " ".join(rng.choice(part) for part in (SUBJECTS, VERBS, OBJECTS, WHEN)) + "."

    body = [f"{sentence()} {sentence()}" for _ in range(size)]
    return "\n\n".join([BOILERPLATE[0], *body, BOILERPLATE[1]])


def records() -> list[BenchDoc]:
    """Six records from each of five sources laid out as the bench does, and two recombined."""
    folders = [("vie-publique-discours/statements.csv", "interview"),
               ("vie-publique-discours/statements.csv", "discours"),
               ("luxleaks-communiques/markdown/pr.md", None),
               ("tei/20130118.xml", "débat"), ("hansard/hansard.36.1.house.050.jsonl", "débat")]
    rng = random.Random(0)
    docs = []
    for n in range(30):
        source, kind = folders[n % len(folders)]
        docs.append(BenchDoc(id=f"r{n:02d}", source=source, kind=kind, text=statement(rng)))
    docs += [BenchDoc(id=f"syn-{n}", source="synthetic/shard-00000.jsonl",
                      text=statement(rng, 2)) for n in range(2)]
    return docs


def drawer(docs: list[BenchDoc], seed: int = 7) -> Drawer:
    real = [d for d in docs if passage_source(d)]
    index = TextIndex(real)
    vocab = Vocabulary.from_texts(d.text for d in real)
    return Drawer(real, index, seed,
                  lambda p: make_variants(p.text, vocab, f"{seed}/{p.id}"))


# -- normalised text and relevance ----------------------------------------------------------


def test_normalised_text_folds_case_accents_ligatures_and_punctuation():
    assert normalise("« L’État, c’est NOUS ! »  Œuvre-t-il ?") == "l etat c est nous oeuvre t il"
    assert normalise("Cœur") == normalise("coeur") == normalise("CŒUR")
    assert normalise("dans toute la mesure du possible…") == "dans toute la mesure du possible"


def test_relevant_records_hold_the_whole_passage_between_word_boundaries():
    docs = [
        BenchDoc("a", "x.md", "Il l’a dit : « Je vous recommande, dans toute la mesure du "
                              "possible, le télétravail. »"),
        BenchDoc("b", "y.md", "JE VOUS RECOMMANDE DANS TOUTE LA MESURE DU POSSIBLE LE "
                              "TELETRAVAIL, a-t-il répété"),
        BenchDoc("c", "z.md", "je vous recommande dans toute la mesure du possible les "
                              "télétravailleurs"),  # not the same last word
        BenchDoc("d", "w.md", "Je vous recommande le télétravail."),  # words left out
        BenchDoc("e", "synthetic/s.jsonl", "Autre chose.\n\nJe vous recommande, dans toute "
                 "la mesure du possible, le télétravail."),  # a recombined record
    ]
    index = TextIndex(docs)
    passage = "je vous recommande, dans toute la mesure du possible, le télétravail"
    assert index.containing(normalise(passage)) == ["a", "b", "e"]
    assert index.containing(normalise("mesure du possible le"), limit=2) == ["a", "b"]
    assert index.containing(normalise("recommande dans toute")) == ["a", "b", "c", "e"]
    assert index.containing(normalise("commande dans toute")) == []  # not inside a word
    assert index.containing("") == []


def test_sources_are_the_shared_corpus_folders_and_vie_publique_is_split_by_kind():
    def source(path: str, kind: str | None = None) -> str | None:
        return passage_source(BenchDoc("x", path, "", kind=kind))

    assert source("vie-publique-discours/a.csv", "interview") == "vie-publique interviews"
    assert source("vie-publique-discours/a.csv", "déclaration") == "vie-publique speeches"
    assert source("hansard/hansard.36.1.house.debates.050.jsonl") == "Hansard sittings"
    assert source("tei/20130118.xml") == "TEI debates"
    assert source("luxleaks-communiques/pdf/a.pdf") == "luxleaks releases"
    assert source("drupalfr-dcrennes2024-presse/a.pdf") == "drupalfr press"
    assert source("synthetic/shard-00001.jsonl") is None  # recombined: never drawn
    assert source("markdown/2021-03-22-lancement.md") == "markdown"  # the demo corpus


# -- drawing --------------------------------------------------------------------------------


def test_drawing_is_seeded_and_deterministic():
    docs = records()
    first = drawer(docs).draw(4)
    again = drawer(list(reversed(docs))).draw(4)
    assert [p.to_dict() for s in first.values() for p in s] == \
        [p.to_dict() for s in again.values() for p in s]
    other = drawer(docs, seed=8).draw(4)
    assert [p.text for p in other["dev"]] != [p.text for p in first["dev"]]


def test_passages_are_stratified_clean_and_the_two_sets_disjoint():
    docs = records()
    made = drawer(docs)
    sets = made.draw(4)
    by_id = {d.id: d for d in docs}
    sources = {"vie-publique interviews", "vie-publique speeches", "luxleaks releases",
               "TEI debates", "Hansard sittings"}
    for split in ("dev", "heldout"):
        assert {p.source for p in sets[split]} == sources
        for source in sources:  # every source gives as many passages
            assert sum(p.source == source for p in sets[split]) == 4
    every = sets["dev"] + sets["heldout"]
    for p in every:
        assert MIN_WORDS <= len(p.text.split()) <= MAX_WORDS
        assert normalise(p.text) in normalise(by_id[p.record].text)
        assert not p.record.startswith("syn-")
        assert "séance est ouverte" not in p.text and "Contact presse" not in p.text
        assert set(p.variants) == set(VARIANTS)
    # six records per source: they are dealt between the sets, none is in both
    assert made.split_method("TEI debates") == "records dealt"
    assert not {p.record for p in sets["dev"]} & {p.record for p in sets["heldout"]}
    assert len({normalise(p.text) for p in every}) == len(every)


def test_a_source_with_too_few_records_alternates_its_passages():
    rng = random.Random(1)
    docs = [BenchDoc(f"d{n}", "drupalfr-dcrennes2024-presse/dossier.pdf", statement(rng))
            for n in range(2)]
    made = drawer(docs)
    sets = made.draw(3)
    assert made.split_method("drupalfr press") == "passages alternate"
    assert len(sets["dev"]) == len(sets["heldout"]) == 3
    dev = {normalise(p.text) for p in sets["dev"]}
    assert not dev & {normalise(p.text) for p in sets["heldout"]}


def test_boilerplate_and_repeated_paragraphs_are_never_drawn():
    header = "Communiqué de presse du comité de soutien, diffusé à toutes les rédactions."
    cities = ["Lyon", "Nantes", "Rennes", "Épinal", "Metz", "Nancy", "Brest", "Tours"]
    docs = [BenchDoc(f"d{n}", "luxleaks-communiques/markdown/p.md", "\n\n".join([
        header,  # in every record
        f"OLIVIER DUPONT ET CLAIRE AUBERTIN répondent aux auditeurs de {city} ce matin.",
        SENTENCES[n]])) for n, city in enumerate(cities)]
    sets = drawer(docs).draw(5)
    drawn = [p.text for s in sets.values() for p in s]
    assert drawn
    assert not any("Communiqué" in p or "OLIVIER DUPONT" in p or "CLAIRE AUBERTIN" in p
                   for p in drawn)  # no header, no speaker label in capitals


# -- the variants, on French examples --------------------------------------------------------

PASSAGE = "Je vous recommande, dans toute la mesure du possible, le télétravail à l'été."


def vocab() -> Vocabulary:
    return Vocabulary.from_texts(SENTENCES + [PASSAGE])


def test_quotes_wrap_the_passage_and_swap_apostrophes():
    for seed in range(6):
        changed = quotes(PASSAGE, random.Random(seed))
        assert changed[0] in "«“\"" and changed[-1] in "»”\""
        assert "l’été" in changed and "l'été" not in changed
    assert "l'État" in quotes("Vive l’État", random.Random(0))


def test_case_accents_lowers_and_folds_and_shouts_when_nothing_else_changes():
    assert case_accents("Le cœur de l'État, à Noël") == "le coeur de l'etat, a noel"
    assert case_accents("monsieur le president, je vous remercie") == \
        "MONSIEUR LE PRESIDENT, JE VOUS REMERCIE"


def test_punctuation_changes_marks_only():
    for seed in range(10):
        changed = punctuation(PASSAGE, random.Random(seed))
        assert changed != PASSAGE and normalise(changed) == normalise(PASSAGE)
        assert "  " not in changed
    bare = "nous ne laisserons aucun village sans eau cet été"
    added = punctuation(bare, random.Random(1))
    assert added != bare and "," in added and added.endswith("…")


def test_one_word_replaced_by_a_plausible_word():
    words = PASSAGE.split()
    for seed in range(10):
        changed = replace_one(PASSAGE, vocab(), random.Random(seed)).split()
        assert len(changed) == len(words)
        differ = [i for i, (a, b) in enumerate(zip(words, changed, strict=True)) if a != b]
        assert len(differ) == 1
        assert normalise(words[differ[0]]) not in ("je", "vous", "dans", "la", "du", "le", "a")
    # a word with a listed synonym gets it, with its capital
    assert replace_one("Je vous le recommande", vocab(), random.Random(0)) == \
        "Je vous le conseille"
    assert replace_one("Recommande-le", vocab(), random.Random(0)) != "Recommande-le"


def test_two_words_dropped_keep_the_others_in_order():
    for seed in range(10):
        changed = drop_two(PASSAGE, random.Random(seed)).split()
        assert len(changed) == len(PASSAGE.split()) - 2
        rest = iter(PASSAGE.split())
        assert all(word in rest for word in changed)  # a subsequence


def test_fragment_of_seven_consecutive_words_prefers_a_unique_run():
    run = fragment(PASSAGE, random.Random(3))
    assert len(run.split()) == 7 and normalise(run) in normalise(PASSAGE)
    only = fragment(PASSAGE, random.Random(3), unique=lambda r: r.startswith("mesure"))
    assert only == "mesure du possible, le télétravail à l'été."
    assert fragment(PASSAGE, random.Random(3), unique=lambda r: False) == run


def test_two_words_swapped_and_another_replaced():
    words = PASSAGE.split()
    for seed in range(10):
        changed = swap_replace(PASSAGE, vocab(), random.Random(seed)).split()
        assert len(changed) == len(words) and changed != words
        differ = [i for i, (a, b) in enumerate(zip(words, changed, strict=True)) if a != b]
        assert 3 <= len(differ) <= 4  # a swapped pair (two places) and one word replaced
    assert swap_replace("Nous allons protéger les rivières", vocab(), random.Random(0))[0] \
        .isupper()  # the sentence still opens with a capital


def test_a_cut_marked_inside_keeps_both_ends_in_order():
    words = PASSAGE.split()
    for seed in range(20):
        cut = ellipsis(PASSAGE, random.Random(seed)).split()
        marks = [w for w in cut if w in ("[…]", "(...)", "…", "[...]")]
        assert len(marks) == 1
        at = cut.index(marks[0])
        before, after = cut[:at], cut[at + 1:]
        assert len(before) >= 2 and after and words[:at] == before
        assert words[-len(after):] == after  # the end kept as said
        assert 2 <= len(words) - len(before) - len(after) <= 6  # two to six words left out


def test_a_yes_or_no_question_names_the_record_s_speaker():
    seen = set()
    for seed in range(30):
        line = checked(PASSAGE, "Claire Aubertin", random.Random(seed))
        assert line.endswith("?") and ("Aubertin" in line)
        assert normalise(PASSAGE.rstrip(".")) in normalise(line)
        seen.add(line.split()[0])
    assert {"Est-ce", "C'est", "Claire"} <= seen
    assert checked(PASSAGE, None, random.Random(0)).startswith("Qui a dit «")


def test_a_pdf_copy_breaks_one_or_two_long_words_at_a_line_end():
    breaks = set()
    for seed in range(20):
        copied = hyphenated(PASSAGE, random.Random(seed))
        found = re.findall(r"(\w+)(-\n|- |-)(\w+)", copied)
        assert 1 <= len(found) <= 2 and all(len(a) >= 2 and len(b) >= 3 for a, _, b in found)
        breaks |= {b for _, b, _ in found}
        assert re.sub(r"-\n|- |-", "", copied) == PASSAGE.replace("-", "")  # nothing else
    assert breaks == {"-\n", "- ", "-"}


def test_two_words_mistyped_one_key_each():
    assert mistype("rivières", random.Random(0)) != "rivières"
    for seed in range(20):
        word = mistype("département", random.Random(seed))
        assert word[0] == "d" and abs(len(word) - len("département")) <= 1
    words = PASSAGE.split()
    for seed in range(10):
        changed = typos(PASSAGE, random.Random(seed)).split()
        differ = [(a, b) for a, b in zip(words, changed, strict=True) if a != b]
        assert len(differ) == 2
        assert all(len(a.strip(",.")) >= 5 for a, _ in differ)


def test_three_words_replaced():
    words = PASSAGE.split()
    for seed in range(10):
        changed = replace_three(PASSAGE, vocab(), random.Random(seed)).split()
        assert len(changed) == len(words)
        assert sum(a != b for a, b in zip(words, changed, strict=True)) == 3


def test_two_sentences_joined_leave_the_one_between_out_unmarked():
    record = ("Le barrage menace la rivière. " + PASSAGE + " Nous le disons depuis des mois. "
              "Les maires ruraux réclament depuis des années un fonds de solidarité. Merci.")
    stitched = joined(PASSAGE, record, random.Random(1))
    assert stitched == PASSAGE + " Les maires ruraux réclament depuis des années un fonds " \
                                 "de solidarité."
    # no later sentence in the record: three to six words inside left out, unmarked
    for seed in range(10):
        cut = joined(PASSAGE, PASSAGE, random.Random(seed)).split()
        words = PASSAGE.split()
        assert 3 <= len(words) - len(cut) <= 6 and cut[:2] == words[:2]
        assert not {"[…]", "…", "(...)"} & set(cut)


def test_a_headline_names_who_then_a_verb_in_the_present():
    pasted = {headline(PASSAGE, "Claire Aubertin", random.Random(seed)) for seed in range(40)}
    assert all(p.startswith(("Claire Aubertin ", "Aubertin ")) and p.endswith(PASSAGE + "\u00a0»")
               for p in pasted)
    assert "Aubertin s'inquiète : «\u00a0" + PASSAGE + "\u00a0»" in pasted
    assert any(" que «" in p for p in pasted) and any(p.count(":") == 0 for p in pasted)
    # a record naming nobody: asked, as `attributed` asks
    assert headline(PASSAGE, None, random.Random(1)).startswith("qui a dit")


def test_an_office_by_the_press_s_name_for_it():
    pasted = {office(PASSAGE, "Bruno Le Maire", "ministre de l'économie, des finances et de la "
                     "relance", random.Random(seed)) for seed in range(20)}
    assert "Bercy : «\u00a0" + PASSAGE + "\u00a0»" in pasted
    assert "Selon Bercy, «\u00a0" + PASSAGE + "\u00a0»" in pasted
    borne = {office(PASSAGE, "Élisabeth Borne", "Première ministre", random.Random(seed))
             for seed in range(20)}
    assert all(p.startswith(("La Première ministre ", "Matignon ", "La cheffe du ", "Selon ",
                             "«")) for p in borne)
    assert "Selon Matignon, «\u00a0" + PASSAGE + "\u00a0»" in borne
    # an office the press gives no other name: by its function
    assert office(PASSAGE, "Claire Aubertin", "présidente de la FRV", random.Random(1)) == \
        by_function(PASSAGE, "Claire Aubertin", "présidente de la FRV", random.Random(1))


def test_who_said_it_with_when_and_where():
    pasted = {in_context(PASSAGE, "Claire Aubertin", random.Random(seed)) for seed in range(40)}
    assert all("Claire Aubertin" in p and PASSAGE in p for p in pasted)
    assert "«\u00a0" + PASSAGE + "\u00a0», a déclaré Claire Aubertin en 2020." in pasted
    assert "Comme le disait Claire Aubertin : «\u00a0" + PASSAGE + "\u00a0»" in pasted
    assert in_context(PASSAGE, None, random.Random(1)).startswith("«\u00a0" + PASSAGE +
                                                                 "\u00a0», a-t-il déclaré ")


def test_who_said_it_in_the_article_s_own_phrase():
    pasted = {framed(PASSAGE, "Claire Aubertin", random.Random(seed)) for seed in range(200)}
    quoted = "«\u00a0" + PASSAGE + "\u00a0»"
    assert "Claire Aubertin n'a pas mâché ses mots : " + quoted in pasted
    assert quoted + ", a tenu à rappeler Claire Aubertin." in pasted
    assert "Aubertin regrette vivement que " + quoted in pasted
    assert PASSAGE.rstrip(" .") + " (Claire Aubertin)" in pasted
    assert PASSAGE.rstrip(" .") + " — Claire Aubertin" in pasted
    # people no one names: the words alone are the source's
    assert framed(PASSAGE, None, random.Random(1)).startswith(quoted + ", ont fait valoir ")


def test_who_said_it_as_a_caption_prints_it():
    pasted = {captioned(PASSAGE, "Claire Aubertin", random.Random(seed)) for seed in range(200)}
    quoted = "«\u00a0" + PASSAGE + "\u00a0»"
    assert "Citation de Claire Aubertin : " + quoted in pasted
    assert quoted + " dixit Claire Aubertin" in pasted
    assert quoted + " Claire Aubertin" in pasted
    assert "Extrait du discours de Claire Aubertin à Paris : " + quoted in pasted
    assert "Le 12 mars, à Paris, Claire Aubertin a déclaré : " + quoted in pasted
    assert captioned(PASSAGE, None, random.Random(1)) == quoted


def test_who_said_it_first_unmarked():
    pasted = {led(PASSAGE, "Claire Aubertin", "présidente de la FRV", random.Random(seed))
              for seed in range(100)}
    bare = PASSAGE.rstrip(" .")
    assert "Selon Claire Aubertin, " + bare in pasted
    assert "D'après Claire Aubertin, " + bare in pasted
    assert "Comme l'a dit Claire Aubertin, " + bare in pasted
    assert "Selon Claire Aubertin, présidente de la FRV, " + bare in pasted
    assert led(PASSAGE, None, None, random.Random(1)) == "Selon lui, " + bare


def test_who_said_it_as_a_press_headline_frames_it():
    pasted = {headlined(PASSAGE, "Claire Aubertin", "présidente de la FRV, élue",
                        random.Random(seed)) for seed in range(300)}
    quoted = "«\u00a0" + PASSAGE + "\u00a0»"

    def drawn(pattern: str) -> bool:
        return any(re.fullmatch(pattern, p) for p in pasted)

    assert drawn("Claire Aubertin (tacle|fustige|étrille|raille|recadre) " + re.escape(quoted))
    assert drawn("La présidente de la FRV [a-zé]+ " + re.escape(quoted))
    assert drawn(r"Aubertin [a-zé]+ (le gouvernement|la majorité|Bruxelles) : " +
                 re.escape(quoted))
    assert drawn(re.escape(quoted) + r" : Aubertin [a-zé]+ [\w' ]+")
    assert drawn(re.escape(quoted) + r", (la réponse cinglante|le coup de gueule|le cri "
                 r"d'alarme|la mise en garde|le plaidoyer|la charge) de Claire Aubertin")
    assert drawn(r"Claire Aubertin (persiste et signe|enfonce le clou|sort de sa réserve|"
                 r"monte au créneau|sonne l'alarme|brise le silence) : " + re.escape(quoted))
    assert drawn(r"(Retraites|Covid-19|Budget|Immigration) : Claire Aubertin [a-zé]+ " +
                 re.escape(quoted))
    # the article elided before a vowel; by name when the record gives no function
    veran = {headlined(PASSAGE, "M. Olivier Véran", None, random.Random(seed))
             for seed in range(300)}
    assert any(p.endswith(" d'Olivier Véran") for p in veran)
    assert all(p.startswith(("Olivier Véran ", "Véran ", "«", *HEADLINED_RUBRICS))
               for p in veran)
    assert headlined(PASSAGE, None, None, random.Random(1)) == quoted


def test_who_said_it_typed_in_a_hurry_before_the_words():
    pasted = {bare(PASSAGE, "Claire Aubertin", random.Random(seed)) for seed in range(100)}
    words = PASSAGE.rstrip(" .")
    lowered = words[:1].lower() + words[1:]
    assert "Aubertin " + words in pasted
    assert "Claire Aubertin " + words in pasted
    assert "Aubertin " + lowered in pasted
    assert "Claire Aubertin " + lowered in pasted
    assert bare(PASSAGE, None, random.Random(1)) == "qui a dit " + lowered


def test_who_said_it_as_a_headline_frames_it_with_any_verb():
    pasted = {headlined_any(PASSAGE, "Claire Aubertin", "présidente de la FRV, élue",
                            random.Random(seed)) for seed in range(300)}
    quoted = "«\u00a0" + PASSAGE + "\u00a0»"
    for framing in ("Claire Aubertin [a-zéêâ]+ " + re.escape(quoted),
                    "Aubertin [a-zéêâ]+ " + re.escape(f"“{PASSAGE}”"),  # any marks
                    "La présidente de la FRV [a-zéêâ]+ " + re.escape(f'"{PASSAGE}"'),
                    r"Aubertin [a-zéêâ]+ (encore|à nouveau|sèchement) " + re.escape(quoted),
                    r"(VIDÉO\.|Retraites :) Claire Aubertin [a-zéêâ]+ " + re.escape(quoted)):
        assert any(re.fullmatch(framing, p) for p in pasted), framing
    # no colon, and none of the verbs a headline's readers named before the form
    heads = {p.split(PASSAGE)[0] for p in pasted}
    assert not any(":" in next((h[len(r):] for r in HEADLINED_RUBRICS if h.startswith(r)), h)
                   for h in heads)
    assert {"tacle", "fustige", "dénonce"}.isdisjoint(HEADLINED_ANY_VERBS)
    assert headlined_any(PASSAGE, None, None, random.Random(1)) == quoted


def test_who_said_it_asked_or_the_phrase_named():
    pasted = {asked(PASSAGE, "M. Olivier Véran", random.Random(seed)) for seed in range(200)}
    words = PASSAGE.rstrip(" .")
    lowered = words[:1].lower() + words[1:]
    assert f"Qui a dit «\u00a0{PASSAGE}\u00a0» ?" in pasted
    assert "qui a dit " + lowered in pasted
    assert f"Qui a dit {words} ?" in pasted
    assert f"De qui est cette phrase : «\u00a0{PASSAGE}\u00a0» ?" in pasted
    assert f"La phrase de Véran «\u00a0{PASSAGE}\u00a0»" in pasted
    assert f"La phrase qu'a prononcée Olivier Véran : «\u00a0{PASSAGE}\u00a0»" in pasted
    guesses = [p for p in pasted if p.startswith("Qui a dit, ")]
    assert guesses and all(" ou " in p and "Véran" in p for p in guesses)
    unnamed = {asked(PASSAGE, None, random.Random(seed)) for seed in range(50)}
    assert not any("Véran" in p or " ou " in p or p.startswith("La phrase") for p in unnamed)


def test_a_headline_opens_on_a_rubric_then_who_said_it():
    pasted = {rubric(PASSAGE, "M. Olivier Véran", random.Random(seed)) for seed in range(400)}
    quoted = re.escape(f"«\u00a0{PASSAGE}\u00a0»")
    topics = "|".join(re.escape(t) for t in RUBRIC_TOPICS)
    labels = "|".join(re.escape(label) for label in RUBRIC_LABELS)
    for framing in (rf"(?:{topics}) : Véran {quoted}",             # « Retraites : Véran « … » »
                    rf"(?:{topics}) : Olivier Véran {quoted}",
                    rf"(?:{topics})\. Véran : {quoted}",           # « Europe. Véran : « … » »
                    rf"(?:{labels}) Véran : {quoted}",             # « INTERVIEW. Véran : « … » »
                    rf"(?:{labels}) Olivier Véran : {quoted}",
                    rf"(?:{topics}) : pour Olivier Véran, {quoted}",
                    rf"(?:{topics}) : Véran [a-zéè' ]+ {quoted}",   # « … : Véran prévient « … » »
                    rf"(?:{topics}) : Véran [a-zéè'à ]+ : {quoted}",
                    rf"(?:{topics}) : Véran " + re.escape(f"“{PASSAGE}”")):  # any marks
        assert any(re.fullmatch(framing, p) for p in pasted), framing
    assert {"Retraites", "Covid-19", "Europe", "Brexit"} <= set(RUBRIC_TOPICS)
    unnamed = {rubric(PASSAGE, None, random.Random(seed)) for seed in range(50)}
    assert all(re.fullmatch(rf"(?:{labels}) [«“\"].+", p) for p in unnamed)


def test_the_phrase_named_as_someone_s_the_words_unmarked():
    pasted = {named_unmarked(PASSAGE, "M. Olivier Véran", random.Random(seed))
              for seed in range(100)}
    words = PASSAGE.rstrip(" .")
    lowered = words[:1].lower() + words[1:]
    assert f"La phrase de Véran : {PASSAGE}" in pasted
    assert f"la phrase de Olivier Véran : {lowered}" in pasted
    assert f"La citation de Olivier Véran : {PASSAGE}" in pasted
    assert not any(mark in p for p in pasted for mark in "«»“”\"")
    assert named_unmarked(PASSAGE, None, random.Random(1)) == \
        f"De qui est cette phrase : {lowered}"


def test_every_variant_differs_from_the_passage_and_is_reproducible():
    first = make_variants(PASSAGE, vocab(), "7/dev-x-000")
    assert list(first) == list(VARIANTS) and first["as_said"] == PASSAGE
    assert all(text != PASSAGE for name, text in first.items() if name != "as_said")
    assert make_variants(PASSAGE, vocab(), "7/dev-x-000") == first
    assert make_variants(PASSAGE, vocab(), "7/dev-x-001") != first


# -- scoring --------------------------------------------------------------------------------


def test_scores_and_the_peers_means_are_chosen_on_dev():
    from bench.quotes import choose, first_relevant, metrics

    assert first_relevant(["a", "b", "c"], {"c", "z"}) == 3
    assert first_relevant(["x"] * 10 + ["a"], {"a"}) is None  # past the first page
    assert metrics([1, 2, None, 4]) == {"n": 4, "top1": 0.25, "top3": 0.5,
                                        "mrr@10": pytest.approx((1 + 0.5 + 0.25) / 4),
                                        "found": 0.75}

    class Peer:
        name, strategies = "tantivy", ("phrase", "bm25")

    def m(mrr: float) -> dict:
        return {"all": {"mrr@10": mrr, "top1": mrr}}

    dev = {"tantivy/phrase": {v: m(0.9 if v == "as_said" else 0.2) for v in [*VARIANTS, "all"]},
           "tantivy/bm25": {v: m(0.2 if v == "as_said" else 0.6) for v in [*VARIANTS, "all"]}}
    dev["tantivy/bm25"]["fragment_7"] = m(0.2)  # a tie: the first listed means
    chosen = choose(dev, [Peer()])["tantivy"]
    assert chosen["as_said"] == "phrase" and chosen["drop_2"] == "bm25"
    assert chosen["fragment_7"] == "phrase"


def test_fts5_cascade_falls_back_from_the_phrase(tmp_path):
    from bench.engines.sqlite_fts import build
    from bench.quote_engines import FtsQuotes

    docs = [BenchDoc(f"d{i}", "x.md", s) for i, s in enumerate(SENTENCES)]
    build(docs, tmp_path / "fts.sqlite")
    fts = FtsQuotes(tmp_path / "fts.sqlite")
    said = "Je vous recommande, dans toute la mesure du possible"
    assert fts.answer(said, "phrase")[0] == "d3"
    changed = "Je vous conseille, dans toute la mesure du possible"
    assert fts.answer(changed, "phrase") == [] and fts.answer(changed, "near") == []
    assert fts.answer(changed, "cascade")[0] == "d3"  # through the OR of its words
    swapped = "Je recommande vous, dans la toute mesure du possible"
    assert fts.answer(swapped, "near")[0] == "d3"
    fts.close()


def test_tantivy_slop_reaches_a_word_dropped_early_in_a_long_passage(tmp_path):
    pytest.importorskip("tantivy", reason="tantivy comes with the bench extra: "
                        "pip install -e '.[bench]'")
    from bench.engines.tantivy_peer import build
    from bench.quote_engines import TantivyQuotes

    docs = [BenchDoc(f"d{i}", "x.md", s) for i, s in enumerate(SENTENCES)]
    build(docs, tmp_path / "tantivy", threads=1)
    tantivy = TantivyQuotes(tmp_path / "tantivy")
    dropped = "Notre pays doit massivement dans la sobriété et dans la réutilisation des eaux"
    assert tantivy.answer(dropped, "phrase") == []
    assert tantivy.answer(dropped, "slop")[0] == "d6"
    replaced = "Notre pays doit investir massivement dans la frugalité et dans la réutilisation"
    assert tantivy.answer(replaced, "slop") == []  # a phrase needs every word
    assert tantivy.answer(replaced, "slop+bm25")[0] == "d6"  # the words rank it first
    tantivy.close()


# -- a run on the demo corpus, through the command line -------------------------------------


def test_a_run_on_the_demo_corpus_reports_every_variant(tmp_path, capsys):
    from bench.quote_variants import LABELS
    from bench.quotes import main

    args = ["--corpus", "demo", "--per-source", "1", "--work", str(tmp_path / "work"),
            "--out", str(tmp_path / "out"), "--warmup", "1"]
    assert main(args) == 0
    report = (tmp_path / "out" / "quotes-demo.md").read_text("utf-8")
    for label in LABELS.values():
        assert f"| {label} |" in report
    assert "## Quality, dev (tuned on)" in report
    assert "## Quality, held-out (never tuned on)" in report
    assert "## Latency" in report and "SQLite FTS5" in report
    result = json.loads((tmp_path / "out" / "quotes-demo.json").read_text("utf-8"))
    for split in ("dev", "heldout"):
        verbatim = result["quality"][split]["verbatim"]
        assert set(verbatim) == {*VARIANTS, "all"}
        assert verbatim["as_said"]["all"]["n"] == sum(s[split] for s in
                                                      result["sources"].values()) > 0
    assert set(result["latency"]["verbatim"]) == {*VARIANTS, "all"}
    assert {p["split"] for p in result["dev_passages"]} == {"dev"}  # held-out not written out
    for passage in result["dev_passages"]:
        assert passage["record"] in passage["relevant"]

    capsys.readouterr()
    assert main([*args, "--reuse-indexes", "--split", "dev", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["splits"] == ["dev"] and printed["corpus"]["reused"]
    assert printed["sources"] == result["sources"]  # the same passages, drawn again
