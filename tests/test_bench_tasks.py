"""The journalist search tasks' scorer (bench.tasks) and set (tests/gold/tasks)."""

import json

import pytest

from bench import tasks as bt
from bench.tasks_draw import DEMO_FOLDERS, family, split
from indexer.search import open_catalog
from tests.conftest import DEMO


def test_the_set_is_two_disjoint_halves_holding_every_family_and_form():
    dev, heldout = bt.load("dev"), bt.load("heldout")
    assert len(dev) + len(heldout) >= 80
    assert not {t["id"] for t in dev} & {t["id"] for t in heldout}
    assert not {(t["source"], t["record"]) for t in dev} & \
        {(t["source"], t["record"]) for t in heldout}
    for half in (dev, heldout):
        assert {t["form"] for t in half} == set(bt.FORMS)
        assert {t["family"] for t in half} == {
            "vp-declaration", "vp-interview", "vp-conseil", "vp-communique", "luxleaks",
            "drupalfr", "tei", "hansard", "demo"}
        assert all(t["who"] for t in half if t["form"] == "qui")
        assert all(set(t["facets"]) <= {"speaker", "kind", "year"} for t in half)
    # the split is the seeded one: written once, the same every time
    halves = split(dev + heldout)
    assert [t["id"] for t in halves["dev"]] == [t["id"] for t in dev]


def test_families_of_the_records():
    assert family({"source": "tei/20130140.xml"}) == "tei"
    assert family({"source": "hansard/hansard.36.2.house.debates.071.jsonl"}) == "hansard"
    assert family({"source": "vie-publique-discours/x.csv",
                   "title": "Conseil des ministres du 7 octobre 2020. Le covid-19."}) == \
        "vp-conseil"
    assert family({"source": "txt/a.txt", "root": "/x/corpus/documents"}) == "demo"
    # the demo laid out beside the shared sources in one folder (session 35's tasks index)
    assert family({"source": "markdown/2023-03-14-plainte-cevv.md",
                   "root": "/work/assets/s35/layout3"}) == "demo"
    assert family({"source": "luxleaks-communiques/html/2015-03-10-opinion.html",
                   "root": "/work/assets/s35/layout3"}) == "luxleaks"
    assert set(DEMO_FOLDERS) == {p.name for p in DEMO.iterdir() if p.is_dir()}
    assert family({"source": "eval-piaf/piaf-v1.0.json"}) is None


def test_names_and_facets():
    assert bt.same_person("Le Drian", "Jean-Yves Le Drian")
    assert bt.same_person("jean-yves le drian", "Jean-Yves Le Drian")
    assert not bt.same_person("Le Maire", "Sophie Lemaire-Dufour")
    task = {"facets": {"speaker": ["Jean-Yves Le Drian"], "kind": ["entretien", "tract"],
                       "year": ["2020"]}}
    chosen = bt.resolve_facets(task, ["Jean-Yves Le Drian", "Bruno Le Maire"],
                               {"entretien", "communiqué"})
    # a value the index does not offer cannot be clicked
    assert chosen == {"speaker": ["Jean-Yves Le Drian"], "kind": ["entretien"], "year": ["2020"]}
    # the name as written first: « Marc Le Fur », not the bare « Le Fur » beside it
    chosen = bt.resolve_facets({"facets": {"speaker": ["Marc Le Fur"]}},
                               ["Le Fur", "Marc Le Fur"], set())
    assert chosen == {"speaker": ["Marc Le Fur"]}


def test_a_qui_task_needs_the_right_speaker_and_an_alternate_is_the_release():
    hits = [{"id": "x", "speakers": [{"name": "Claire Aubertin"}], "alternates": []},
            {"id": "t", "speakers": [{"name": "Malik Benhaddou"}], "alternates": []}]
    qui = {"form": "qui", "who": "Malik Benhaddou", "source": "a.md", "record": None}
    assert bt.rank_of(qui, hits, {"t"}) == 2
    assert bt.rank_of(dict(qui, who="Claire Aubertin"), hits, {"t"}) is None
    other_format = [{"id": "y", "speakers": [], "alternates": [{"source": "a.md"}]}]
    assert bt.rank_of({"form": "sujet", "source": "a.md", "record": None},
                      other_format, set()) == 1


@pytest.fixture(scope="module")
def demo_catalog(demo_index_shared):
    catalog = open_catalog(demo_index_shared)  # only read, by the scorer
    yield demo_index_shared
    catalog.close()


def test_the_scorer_through_the_search_function(demo_catalog, tmp_path, capsys):
    half = [
        {"id": "t1", "family": "demo", "source": "markdown/2023-03-14-plainte-cevv.md",
         "record": None, "text_hash": "", "form": "service",
         "query": "notre communiqué plainte contre la Compagnie des Eaux", "facets": {}},
        {"id": "t2", "family": "demo", "source": "exports/discours.csv",
         "record": "135f133f691d9e64", "text_hash": "", "form": "qui", "who": "Claire Aubertin",
         "query": "qui a dit nous n'avons pas peur des procès mais du silence",
         "facets": {"year": ["2023"]}},
    ]
    for name in bt.HALVES:
        (tmp_path / f"{name}.json").write_text(json.dumps({"half": name, "tasks": half}))
    out = tmp_path / "scores.json"
    assert bt.main(["--index", str(demo_catalog), "--tasks", str(tmp_path), "--split", "dev",
                    "--errors", "--json", str(out)]) == 0
    scores = json.loads(out.read_text())["dev"]
    assert scores["plain"]["all"]["n"] == 2
    assert scores["plain"]["all"]["s@10"] == 1.0
    assert set(scores["plain"]["by_form"]) == {"service", "qui"}
    assert "| all | 2 |" in capsys.readouterr().out
    with pytest.raises(SystemExit):  # the held-out half is never listed task by task
        bt.main(["--index", str(demo_catalog), "--split", "heldout", "--errors"])


def test_the_fresh_set_is_drawn_apart_and_weighed_toward_the_topic_search():
    from bench.tasks_draw import SPLIT_SEED_S20

    dev2, heldout2 = bt.load("dev2"), bt.load("heldout2")
    fresh = dev2 + heldout2
    assert len(fresh) >= 60
    old = bt.load("dev") + bt.load("heldout")
    # session 19's targets are left out, by record and by text
    assert not {(t["source"], t["record"]) for t in fresh} & \
        {(t["source"], t["record"]) for t in old}
    assert not {t["text_hash"] for t in fresh} & {t["text_hash"] for t in old}
    assert sum(t["form"] == "sujet" for t in fresh) * 2 >= len(fresh)
    assert {t["form"] for t in fresh} == set(bt.FORMS)
    assert all(t["who"] for t in fresh if t["form"] == "qui")
    halves = split(fresh, SPLIT_SEED_S20, ("dev2", "heldout2"))
    assert [t["id"] for t in halves["dev2"]] == [t["id"] for t in dev2]
    assert [t["id"] for t in halves["heldout2"]] == [t["id"] for t in heldout2]


def test_the_third_set_is_drawn_apart_and_split_by_its_own_seed():
    from bench.tasks_draw import SPLIT_SEED_S21

    dev3, heldout3 = bt.load("dev3"), bt.load("heldout3")
    third = dev3 + heldout3
    assert len(third) >= 60
    old = [t for half in ("dev", "heldout", "dev2", "heldout2") for t in bt.load(half)]
    # the targets of sessions 19 and 20 are left out, by record and by text
    assert not {(t["source"], t["record"]) for t in third} & \
        {(t["source"], t["record"]) for t in old}
    assert not {t["text_hash"] for t in third} & {t["text_hash"] for t in old}
    assert len({t["id"] for t in third}) == len(third)
    assert sum(t["form"] == "sujet" for t in third) * 2 >= len(third)
    assert {t["form"] for t in third} == set(bt.FORMS)
    assert all(t["who"] for t in third if t["form"] == "qui")
    # dates and outlets typed, as journalists do
    assert sum(any(w in t["query"] for w in ("2013", "2017", "2018", "2020", "2023", "2025",
                                              "mars", "mai", "septembre", "octobre",
                                              "novembre", "avril"))
               for t in third) >= 10
    assert sum(any(w in t["query"] for w in ("Europe 1", "BFM", "RMC", "France Culture",
                                              "franceinfo", "France Bleu", "Monde"))
               for t in third) >= 5
    halves = split(third, SPLIT_SEED_S21, ("dev3", "heldout3"))
    assert [t["id"] for t in halves["dev3"]] == [t["id"] for t in dev3]
    assert [t["id"] for t in halves["heldout3"]] == [t["id"] for t in heldout3]
    assert "tuned" in bt.SPLITS and "heldout3" not in bt.SPLITS["tuned"]


def test_the_fourth_set_is_drawn_apart_and_split_by_its_own_seed():
    from bench.tasks_draw import SPLIT_SEED_S36

    dev4, heldout4 = bt.load("dev4"), bt.load("heldout4")
    fourth = dev4 + heldout4
    assert len(fourth) == 64
    old = [t for half in ("dev", "heldout", "dev2", "heldout2", "dev3", "heldout3")
           for t in bt.load(half)]
    # the targets of sessions 19, 20 and 21 are left out, by record and by text
    assert not {(t["source"], t["record"]) for t in fourth} & \
        {(t["source"], t["record"]) for t in old}
    assert not {t["text_hash"] for t in fourth} & {t["text_hash"] for t in old}
    assert len({t["id"] for t in fourth}) == len(fourth)
    assert len({(t["source"], t["record"]) for t in fourth}) == len(fourth)
    # every family but drupalfr (exhausted in session 19), the demo among them
    assert {t["family"] for t in fourth} == {
        "vp-declaration", "vp-interview", "vp-conseil", "vp-communique", "luxleaks", "tei",
        "hansard", "demo"}
    assert {t["form"] for t in dev4} == {t["form"] for t in heldout4} == set(bt.FORMS)
    assert all(t["who"] for t in fourth if t["form"] == "qui")
    assert all(set(t["facets"]) <= {"speaker", "kind", "year"} for t in fourth)
    # an occasion is typed with its date or its outlet (« RTL septembre 2020 »)
    for task in fourth:
        if task["form"] == "occasion":
            assert any(w in task["query"] for w in ("1998", "2015", "2016", "2020", "2024")), \
                task["query"]
    halves = split(fourth, SPLIT_SEED_S36, ("dev4", "heldout4"))
    assert [t["id"] for t in halves["dev4"]] == [t["id"] for t in dev4]
    assert [t["id"] for t in halves["heldout4"]] == [t["id"] for t in heldout4]
    assert bt.SPLITS["fresh4"] == ("dev4", "heldout4")
    assert "dev4" in bt.SPLITS["tuned"] and "heldout4" not in bt.SPLITS["tuned"]
    assert set(bt.SPLITS["all"]) == {"dev", "heldout", "dev2", "heldout2", "dev3", "heldout3",
                                     "dev4", "heldout4", "dev5", "heldout5", "dev6",
                                     "heldout6"}
    with pytest.raises(SystemExit):  # the new held-out half is never listed task by task
        bt.main(["--split", "heldout4", "--errors"])


def test_the_fifth_set_types_an_office_for_the_person():
    """Session 41's set: the journalist remembers « la garde des Sceaux », « le ministre de
    l'intérieur », « la présidente de la FRV », not the name (`bench.tasks_draw.holds_office`)."""
    from bench.tasks_draw import OFFICE, SPLIT_SEED_S41

    dev5, heldout5 = bt.load("dev5"), bt.load("heldout5")
    fifth = dev5 + heldout5
    assert len(fifth) == 30 and len({t["id"] for t in fifth}) == 30
    old = [t for half in bt.SPLITS["all"] if half not in bt.FRESH5 for t in bt.load(half)]
    # the targets of the four earlier sets are left out, by record and by text
    assert not {(t["source"], t["record"]) for t in fifth} & \
        {(t["source"], t["record"]) for t in old}
    assert not {t["text_hash"] for t in fifth} & {t["text_hash"] for t in old}
    assert {t["family"] for t in dev5} == {t["family"] for t in heldout5} == {
        "vp-declaration", "vp-interview", "vp-conseil", "tei", "demo"}
    for task in fifth:
        assert OFFICE.search(task["query"]) or "garde des Sceaux" in task["query"], task
        # the user does not know the name: no speaker to click
        assert set(task["facets"]) <= {"kind", "year"}, task
    halves = split(fifth, SPLIT_SEED_S41, ("dev5", "heldout5"))
    assert [t["id"] for t in halves["dev5"]] == [t["id"] for t in dev5]
    assert [t["id"] for t in halves["heldout5"]] == [t["id"] for t in heldout5]
    assert bt.SPLITS["fresh5"] == ("dev5", "heldout5")
    assert "dev5" in bt.SPLITS["tuned"] and "heldout5" not in bt.SPLITS["tuned"]
    with pytest.raises(SystemExit):
        bt.main(["--split", "heldout5", "--errors"])


def test_the_sixth_set_is_the_topic_search_drawn_apart_and_split_by_its_own_seed():
    """Session 50's set: what a journalist types to find a statement by its subject
    (« Le Drian Pologne IVG tribunal constitutionnel droits des femmes »), every family still
    drawable, the targets of the five earlier sets left out."""
    from bench.tasks_draw import SPLIT_SEED_S50

    dev6, heldout6 = bt.load("dev6"), bt.load("heldout6")
    sixth = dev6 + heldout6
    assert len(sixth) == 66 and len({t["id"] for t in sixth}) == 66
    assert len({(t["source"], t["record"]) for t in sixth}) == 66
    old = [t for half in bt.SPLITS["all"] if half not in bt.FRESH6 for t in bt.load(half)]
    assert not {(t["source"], t["record"]) for t in sixth} & \
        {(t["source"], t["record"]) for t in old}
    assert not {t["text_hash"] for t in sixth} & {t["text_hash"] for t in old}
    # vp-communique and drupalfr are exhausted; every other family is in both halves
    assert {t["family"] for t in dev6} == {t["family"] for t in heldout6} == {
        "vp-declaration", "vp-interview", "vp-conseil", "luxleaks", "tei", "hansard", "demo"}
    # topic searches, but for the two nominations of a Conseil des ministres, typed by date
    assert [t["id"] for t in sixth if t["form"] != "sujet"] == ["g33", "g34"]
    assert all(set(t["facets"]) <= {"speaker", "kind", "year"} for t in sixth)
    halves = split(sixth, SPLIT_SEED_S50, ("dev6", "heldout6"))
    assert [t["id"] for t in halves["dev6"]] == [t["id"] for t in dev6]
    assert [t["id"] for t in halves["heldout6"]] == [t["id"] for t in heldout6]
    assert bt.SPLITS["fresh6"] == ("dev6", "heldout6")
    assert "dev6" in bt.SPLITS["tuned"] and "heldout6" not in bt.SPLITS["tuned"]
    with pytest.raises(SystemExit):
        bt.main(["--split", "heldout6", "--errors"])


def test_both_engines_side_by_side_name_the_dev_tasks_ranked_otherwise_only():
    """`--engine both`: each half's aggregates on each engine; the tasks the engines rank
    otherwise are listed for a dev half, only counted for a held-out half (never read)."""
    tasks = [{"id": "a11", "form": "sujet", "family": "vp-declaration",
              "query": "ce que Castex a dit sur l'extension du couvre-feu"},
             {"id": "a12", "form": "qui", "family": "tei", "query": "qui a dit trisomie 21"}]

    def scored(ranks):
        runs = {(t["id"], mode): {"rank": r} for t, r in zip(tasks, ranks, strict=True)
                for mode in bt.MODES}
        row = bt.aggregate(ranks)
        return {"scores": {mode: {"all": row} for mode in bt.MODES}, "runs": runs}

    both = {"whoosh": scored([1, 1]), "opensearch": scored([2, 1])}
    dev = bt.side_by_side("dev", both, tasks, show_tasks=True)
    assert "| query alone | 1.000 / 1.000 / 1.000 | 0.500 / 1.000 / 0.750 |" in dev
    assert "1 task(s) ranked otherwise; first on Whoosh only: 1, first on OpenSearch only: 0" \
        in dev
    assert "- a11 sujet vp-declaration: Whoosh 1, OpenSearch 2" in dev
    assert "a12" not in dev
    heldout = bt.side_by_side("heldout", both, tasks, show_tasks=False)
    assert "1 task(s) ranked otherwise" in heldout
    assert "a11" not in heldout and "couvre-feu" not in heldout


def test_an_office_is_the_speakers_as_the_record_names_it():
    from bench.tasks_draw import holds_office

    vp = "vie-publique-discours/gyab_statements_2020-11-22.csv"
    assert holds_office({"source": vp, "title": "Déclaration de M. Gérald Darmanin, ministre "
                         "de l'intérieur, sur les crédits de la sécurité"})
    # an office named in the subject only is not the speaker's
    assert not holds_office({"source": vp, "title": "Déclaration de M. Jean Dupont, sur le "
                             "rôle du Premier ministre"})
    assert holds_office({"source": vp, "title": "Conseil des ministres du 23 septembre 2020. "
                         "Le bilan des journées européennes du patrimoine.",
                         "text": "La ministre de la culture a présenté une communication."})
    tei = "tei/20130139.xml"
    assert holds_office({"source": tei, "title": "Mariage pour tous - Première séance du "
                         "jeudi 7 février 2013 — Christiane Taubira"})
    assert holds_office({"source": tei, "title": "Mariage pour tous - Première séance du "
                         "jeudi 7 février 2013 — Christiane Taubira, garde des Sceaux"})
    assert not holds_office({"source": tei, "title": "Mariage pour tous - Première séance du "
                             "jeudi 7 février 2013 — Hervé Mariton"})
    assert not holds_office({"source": "hansard/hansard.36.1.house.debates.001.jsonl",
                             "title": "Chambre des communes", "text": "Le ministre a dit"})
