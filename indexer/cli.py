"""The `verbatim` command: index folders, search them, serve them."""

from __future__ import annotations

import faulthandler
import json
import re
import signal
import sys
from collections.abc import Iterable
from pathlib import Path

import click

from indexer.engine import AccessRefused, Unsupported
from indexer.evidence import terminal_lines
from indexer.indexing import (
    IndexBusy,
    OutdatedIndex,
    default_index_dir,
    index_paths,
    manifest_roots,
)
from indexer.indexing import rebuild as rebuild_index
from indexer.search import (
    FACET_SIZE,
    MAX_FACET_SIZE,
    IndexMissing,
    SearchRequest,
    last_page,
    open_catalog,
    search,
)

INDEX_OPTION = click.option(
    "--index",
    "index_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Dossier de l'index (défaut : $VERBATIM_INDEX, sinon ./verbatim-index).",
)


def ENGINE_OPTIONS(command):  # noqa: N802 - used as a decorator, like INDEX_OPTION
    """Add --engine and --opensearch-url (or $VERBATIM_ENGINE, $VERBATIM_OPENSEARCH_URL)."""
    command = click.option(
        "--opensearch-url", "opensearch_url", envvar="VERBATIM_OPENSEARCH_URL", default=None,
        help="Adresse du cluster OpenSearch (https://utilisateur:mot-de-passe@hôte:9200 ; "
             "plusieurs nœuds séparés par des virgules ; ou $VERBATIM_OPENSEARCH_URL).")(command)
    return click.option(
        "--engine", type=click.Choice(["whoosh", "opensearch"]), envvar="VERBATIM_ENGINE",
        default="whoosh", show_default=True,
        help="Moteur : whoosh (index dans un dossier) ou opensearch (cluster ; l'index local "
             "garde le manifeste et les textes lus). Ou $VERBATIM_ENGINE.")(command)


@click.group()
@click.version_option(package_name="verbatim")
def main() -> None:
    """Verbatim : recherche dans des communiqués et des discours en français."""


@main.command("index")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@INDEX_OPTION
@click.option("--quiet", is_flag=True, help="N'afficher que les erreurs.")
@click.option("--workers", type=int, default=None, help="Processus de lecture (défaut : cœurs).")
@click.option("--json", "as_json", is_flag=True, help="Rapport au format JSON.")
@click.option("--strict", is_flag=True, help="Code de sortie 1 si un fichier est ignoré.")
@click.option("--rebuild", is_flag=True,
              help="Tout relire dans un index neuf, puis le mettre à la place de l'ancien "
                   "(sans PATHS : les dossiers déjà indexés).")
@click.option("--no-ocr", "no_ocr", is_flag=True,
              help="Ne pas lire les scans et les images par reconnaissance de caractères.")
@click.option("--watch", is_flag=True,
              help="Après l'indexation, surveiller les dossiers : fichiers ajoutés, modifiés ou "
                   "supprimés indexés en quelques secondes (Ctrl+C pour arrêter).")
@ENGINE_OPTIONS
def index_command(paths, index_dir, quiet, workers, as_json, strict, rebuild, no_ocr,
                  watch, engine, opensearch_url) -> None:
    """Indexer les fichiers des dossiers PATHS (seuls les fichiers modifiés sont relus).

    Code de sortie : 0, même si des fichiers sont ignorés (ils sont listés) ; 1 avec
    --strict s'il y en a ; 1 si l'index est verrouillé par un autre indexeur.
    """
    index_dir = index_dir or default_index_dir()
    show_bar = not quiet and not as_json and sys.stderr.isatty()
    bar = None

    def advance(source: str, total: int, ocr_pages: int = 0) -> None:
        nonlocal bar
        if bar is None:  # the number of files to read is known once the folders are walked
            bar = click.progressbar(length=total, label="Lecture", file=sys.stderr,
                                    item_show_func=lambda s: s)
            bar.__enter__()
        if ocr_pages:  # scanned pages take seconds each: say how many went through OCR
            bar.label = f"Lecture (OCR : {ocr_pages} page{'s' if ocr_pages > 1 else ''})"
        bar.update(1, source)

    _warn_data_files()
    if not paths and rebuild and engine == "whoosh":
        paths = manifest_roots(index_dir)
    if not paths and not (rebuild and engine == "opensearch"):  # the cluster knows its folders
        raise click.UsageError("indiquez au moins un dossier ou un fichier à indexer")
    shipped = None
    try:
        if engine == "opensearch":
            report, shipped = _index_cluster(paths, index_dir, opensearch_url, rebuild, workers,
                                             advance if show_bar else None, not no_ocr)
        else:
            run = rebuild_index if rebuild else index_paths
            report = run(paths, index_dir, workers=workers,
                         progress=advance if show_bar else None, use_ocr=not no_ocr)
    except (IndexBusy, OutdatedIndex) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    if as_json:
        data = report.to_dict()
        data["skipped"] = [[_printable(source), reason] for source, reason in data["skipped"]]
        if shipped is not None:
            data["opensearch"] = shipped
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif not quiet:
        _print_report(f"OpenSearch {shipped['url']} ({shipped['index']})" if shipped
                      else index_dir, report)
    if watch:
        _watch(paths, index_dir, quiet=quiet, as_json=as_json, workers=workers,
               listed=() if quiet or as_json else report.skipped,
               use_ocr=not no_ocr, run=_cluster_run(opensearch_url)
               if engine == "opensearch" else None)
    elif strict and report.skipped:
        sys.exit(1)


def _index_cluster(paths, index_dir: Path, url: str | None, rebuild: bool, workers, progress,
                   use_ocr: bool, **options) -> tuple:
    """Index straight into OpenSearch (`indexer.opensearch_writer`); scans' OCR results are
    cached in the index folder's ocr-cache, as for Whoosh."""
    from indexer.indexing import OCR_CACHE

    try:
        from indexer.opensearch_writer import index_cluster

        return index_cluster(paths, url, rebuild=rebuild, workers=workers, progress=progress,
                             use_ocr=use_ocr, ocr_cache=index_dir.absolute() / OCR_CACHE,
                             **options)
    except ImportError as exc:
        raise click.ClickException("le moteur OpenSearch demande « pip install "
                                   "'verbatim[opensearch]' »") from exc
    except (IndexBusy, click.ClickException):
        raise
    except Exception as exc:  # noqa: BLE001 - unreachable cluster, refused credentials…
        raise _cluster_failure(exc) from exc


def _cluster_failure(exc: Exception) -> click.ClickException:
    """Return the one line saying why the cluster failed us: its refusal (user, rights,
    certificate) when it refused, else the error's type and message."""
    from indexer.opensearch_client import refusal

    return click.ClickException(refusal(exc) or f"OpenSearch : {type(exc).__name__}: {exc}"[:300])


def _cluster_run(url: str | None):
    """Return a watcher's run into OpenSearch: an incremental `_index_cluster` (after a
    `--rebuild`, the next runs only bring what changed), its report. A cluster out of reach
    for a moment (a node lost, a restart) makes the watcher try again later, as when another
    indexer holds the index, rather than stop watching."""
    from indexer.opensearch_client import transient

    def run(paths, index_dir: Path, *, workers=None, use_ocr: bool = True, **options):
        try:
            return _index_cluster(paths, index_dir, url, False, workers, None, use_ocr,
                                  **options)[0]
        except click.ClickException as exc:
            if exc.__cause__ is not None and transient(exc.__cause__):
                raise IndexBusy(exc.message) from exc
            raise

    return run


def _watch(paths, index_dir: Path, *, quiet: bool, as_json: bool,
           listed: Iterable[tuple[str, str]] = (), **options) -> None:
    """Watch the folders after the first run, printing one report per run (see indexer.watch);
    `listed`: the files skipped, and why, that the first run's report already listed."""
    import time

    from indexer.watch import Watcher

    told = set(listed)  # files skipped, and why, already listed on screen

    def show(report) -> None:
        if as_json:  # the whole state each run: a program reading it needs no memory
            data = report.to_dict()
            data["skipped"] = [[_printable(s), r] for s, r in data["skipped"]]
            click.echo(json.dumps(data, ensure_ascii=False))
            return
        # a person reads the screen: a file skipped for the same reason is listed once, not
        # again at every run while it stays in the folder
        fresh = [skip for skip in report.skipped if skip not in told]
        told.clear()
        told.update(report.skipped)
        if quiet and not fresh:
            return
        again = len(report.skipped) - len(fresh)
        click.echo(
            f"{time.strftime('%H:%M:%S')} : {report.added} ajouté(s), {report.updated} mis "
            f"à jour, {report.removed} retiré(s), {len(report.skipped)} ignoré(s)"
            + (f" (dont {again} déjà signalé(s))" if again else "")
            + f", {report.total} document(s) dans l'index ({report.seconds:.1f} s)")
        for source, reason in fresh:
            click.echo(f"  ignoré : {_printable(source)} — {_printable(reason)}")

    def busy(message: str) -> None:
        click.echo(f"{message} ; nouvel essai dans quelques secondes", err=True)

    watcher = Watcher(paths, index_dir, on_report=show, on_busy=busy, **options)
    if not quiet and not as_json:
        click.echo(f"Surveillance de {', '.join(str(p) for p in paths)} (Ctrl+C pour arrêter)")
    # Ctrl+C (or a TERM) asks the watcher to stop between runs rather than raising wherever
    # the main thread happens to be (inside watchdog's or Whoosh's locks); a second Ctrl+C
    # interrupts the run in progress, which the run lock and the manifest make safe.
    def stop(signum, frame) -> None:
        if watcher.stopping:
            raise KeyboardInterrupt
        watcher.stop()  # takes no lock: safe here (see Watcher.stop)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    if hasattr(signal, "SIGUSR1"):  # `kill -USR1 PID`: what a watcher that seems stuck is doing
        faulthandler.register(signal.SIGUSR1, all_threads=True)
    try:
        watcher.serve(first_run=False)
    except KeyboardInterrupt:
        watcher.stop()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _warn_data_files() -> None:
    """Say on stderr, one line each, when the aliases or the thesaurus in use cannot be read
    (the run goes on without them, as extraction must; the report on stdout stays clean)."""
    from indexer.extract.datafiles import mapping_file_problem
    from indexer.extract.names import aliases_path
    from indexer.extract.themes import thesaurus_path

    for path, what in ((aliases_path(), "alias"), (thesaurus_path(), "thésaurus")):
        if problem := mapping_file_problem(path, what):
            click.echo(f"attention : {problem}", err=True)


def _printable(name: str) -> str:
    """Return a file name on one line and printable in any terminal.

    Control characters (a newline in a name) are escaped, and so are the bytes of a name
    that is not UTF-8 (Python keeps them as surrogates, which no UTF-8 terminal can print).
    """
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", name)


def _print_report(index_dir: Path, report) -> None:
    click.echo(
        f"Index {index_dir} : {report.added} fichier(s) ajouté(s), {report.updated} mis à jour, "
        f"{report.unchanged} inchangé(s), {report.removed} retiré(s), "
        f"{len(report.skipped)} ignoré(s)."
    )
    click.echo(
        f"{report.documents} document(s) écrit(s), {report.duplicates} doublon(s) écarté(s), "
        f"{report.alternates} autre(s) format(s) rattaché(s), "
        f"{report.total} document(s) dans l'index, en {report.seconds:.1f} s"
        + (f" ; OCR : {report.ocr_pages} page(s) lue(s) par reconnaissance de caractères, "
           f"dont {report.ocr_cached} déjà en cache." if report.ocr_pages else ".")
    )
    if report.reread_for_data:
        click.echo(f"Alias ou thésaurus modifiés depuis la dernière indexation : "
                   f"{report.reread_for_data} fichier(s) relu(s) pour les appliquer.")
    changed = report.added or report.updated or report.removed
    if changed and report.reuse_seconds and report.searchable_seconds < report.seconds:
        # the records were searchable before their reuse groups were found; a run that
        # changed no file only brought the groups' cache up to date: nothing to say
        click.echo(f"Documents consultables après {report.searchable_seconds:.1f} s, "
                   f"regroupements de reprises prêts après {report.seconds:.1f} s.")
    for before, after in report.moved:
        click.echo(f"  déplacé : {_printable(before)} → {_printable(after)} (même contenu ; "
                   "son adresse /doc/… change, l'ancienne mène à la nouvelle)")
    for source, reason in report.skipped:
        click.echo(f"  ignoré : {_printable(source)} — {_printable(reason)}")


def _opened(index_dir: str | None, engine: str | None = None, url: str | None = None):
    """Open the engine on the index for a command, or stop with one line saying why: no
    index yet (build it), an index to rebuild, a cluster refusing us."""
    try:
        return open_catalog(index_dir or default_index_dir(), engine, url)
    except (AccessRefused, OutdatedIndex) as exc:  # their message says what to do
        raise click.ClickException(str(exc)) from exc
    except IndexMissing as exc:
        raise click.ClickException(f"{exc} — lancez d'abord « verbatim index DOSSIER ».") from exc


@main.command("check")
@INDEX_OPTION
@ENGINE_OPTIONS
def check_command(index_dir, engine, opensearch_url) -> None:
    """Vérifier l'index : segments, documents, concordance avec les fichiers sources."""
    from indexer.health import check_index

    index_dir = index_dir or default_index_dir()
    if engine == "opensearch":
        from indexer.opensearch_engine import cluster_health

        try:
            state = cluster_health(opensearch_url)
        except Exception as exc:  # noqa: BLE001 - unreachable, refused, missing extra
            raise _cluster_failure(exc) from exc
        click.echo(f"OpenSearch {state['url']} : cluster {state['status']}, "
                   f"{state['nodes']} nœud(s) ; index {state['index']} : "
                   f"{state['documents']} document(s), {state['quotes']} citation(s).")
        if not state["ok"]:
            click.echo("État : endommagé.")
            sys.exit(1)
        click.echo("État : bon.")
        return
    health = check_index(index_dir)
    if not health.outdated:  # an older version's index is not read: no counts to give
        click.echo(
            f"Index {index_dir} : {health.segments} segment(s), {health.documents} "
            f"document(s), {health.quotes} citation(s), {health.files} fichier(s) source."
        )
    for path in health.missing_files[:20]:
        click.echo(f"  fichier disparu : {_printable(path)}")
    for problem in health.problems:
        click.echo(f"  problème : {problem}")
    if health.advice:
        click.echo(health.advice)
    click.echo(f"État : {health.state}.")
    if not health.ok:
        sys.exit(1)


def _facet_size(raw: str) -> int:
    """Return `--facet-size` as a number of values: 1 to MAX_FACET_SIZE, or « max »."""
    if raw.strip().lower() == "max":
        return MAX_FACET_SIZE
    if not raw.strip().isdigit() or not 1 <= int(raw) <= MAX_FACET_SIZE:
        raise click.BadParameter(f"un nombre de 1 à {MAX_FACET_SIZE}, ou « max »",
                                 param_hint="--facet-size")
    return int(raw)


def _terminal(snippet: str) -> str:
    """Return an HTML snippet as terminal text on one line, matches in bold (a transcript's
    blank lines and lone speaker labels would break the result's indentation)."""
    import html

    marked = re.sub(r"<mark>(.*?)</mark>", lambda m: click.style(m.group(1), bold=True), snippet)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", marked)).split())


@main.command("search")
@click.argument("query", nargs=-1)
@click.option("--speaker", multiple=True, help="Orateur (répétable : OU).")
@click.option("--theme", multiple=True,
              help="Thème, au singulier ou au pluriel, ou un terme du thésaurus (répétable : OU).")
@click.option("--kind", multiple=True, help="Type : communiqué, discours, interview…")
@click.option("--year", multiple=True, help="Année (répétable : OU).")
@click.option("--lang", multiple=True, help="Langue détectée : fr, en… (répétable : OU).")
@click.option("--from", "date_from", help="Depuis cette date (AAAA-MM-JJ).")
@click.option("--to", "date_to", help="Jusqu'à cette date (AAAA-MM-JJ).")
@click.option("--sort", type=click.Choice(["relevance", "date", "-date"]), default="relevance",
              help="Pertinence, date (anciens d'abord) ou -date (récents d'abord).")
@click.option("--limit", type=click.IntRange(1, 100), default=10, help="Nombre de résultats.")
@click.option("--page", type=click.IntRange(1), default=1, help="Page de résultats.")
@click.option("--quotes", is_flag=True, help="Chercher dans les citations seulement.")
@click.option("--tel-quel", "as_typed", is_flag=True,
              help="Chercher les mots tels que saisis, sans corriger un nom mal orthographié.")
@click.option("--facet-size", default=str(FACET_SIZE), show_default=True,
              help=f"Valeurs de chaque facette : 1 à {MAX_FACET_SIZE} ou « max ».")
@click.option("--json", "as_json", is_flag=True, help="Résultat au format JSON.")
@INDEX_OPTION
@ENGINE_OPTIONS
def search_command(query, speaker, theme, kind, year, lang, date_from, date_to, sort, limit,
                   page, quotes, as_typed, facet_size, as_json, index_dir, engine,
                   opensearch_url) -> None:
    """Chercher QUERY : mots, "expressions exactes", OR, -exclusion, speaker:, theme:."""
    request = SearchRequest(
        q=" ".join(query), speaker=list(speaker), theme=list(theme), kind=list(kind),
        year=list(year), lang=list(lang), date_from=date_from, date_to=date_to, sort=sort,
        page=page, per_page=limit, quotes=quotes, as_typed=as_typed,
        facet_size=_facet_size(facet_size),
    )
    catalog = _opened(index_dir, engine, opensearch_url)
    try:
        response = search(catalog, request)
        last = last_page(response.total, limit)
        if response.total and page > last:
            # as the web page does: the last page, and why (not « 5 résultat(s) » and nothing)
            request.page = page = last
            response = search(catalog, request)
            response.notes.append("Cette page de résultats n'existe pas : voici la dernière "
                                  f"(page {last}).")
    finally:
        catalog.close()
    for note in response.notes:
        click.echo(f"note : {note}", err=True)
    if response.correction:
        click.echo(f"{response.correction['note'][:-1]} (--tel-quel).", err=as_json)
    if as_json:
        click.echo(json.dumps(response.to_json(), ensure_ascii=False, indent=2))
        return
    click.echo(f"{response.total} résultat(s) en {response.seconds * 1000:.0f} ms")
    for s in response.suggestions:
        click.echo(f"Vouliez-vous dire « {s['suggestion']} » (pour « {s['word']} ») ?")
    for rank, hit in enumerate(response.hits, start=(page - 1) * limit + 1):
        who = ", ".join(s["name"] for s in hit["speakers"])
        if "quote" in hit and not who:  # a quotation's author unknown is said, as on the pages
            who = "auteur non identifié"
        # a quotation's date is its document's, not the day its words were said
        when = f"texte du {hit['date']}" if "quote" in hit and hit["date"] else hit["date"]
        meta = " · ".join(x for x in (when, hit.get("place"), hit["kind"], who) if x)
        click.echo(f"\n{rank}. {click.style(hit['title'] or hit['source'], bold=True)}")
        if meta:
            click.echo(f"   {meta}")
        click.echo(f"   {hit['source']}" + (f" #{hit['record']}" if hit["record"] else ""))
        click.echo(f"   {_terminal(hit['snippet'])}")
        if hit.get("attribution"):  # a quotation: why it has its author (or none)
            for line in terminal_lines(hit["attribution"]):
                click.echo(f"   {line}")
        if hit.get("passage"):
            from indexer.verify import closeness, differences

            passage = hit["passage"]
            # an exact passage may still have a difference to show: what a cut stands for
            changed = differences(passage["diff"])
            changes = " : " + " ; ".join(changed) if changed else ""
            click.echo(f"   Passage {closeness(passage)}{changes}")
            if passage.get("note"):  # whose words they are, when not the speakers' own
                click.echo(f"   Note : {passage['note']}")


@main.command("verify")
@click.argument("quote", nargs=-1)
@click.option("--file", "quotes_file", type=click.File("rb"), default=None,
              help="Citations à vérifier, une par ligne (.txt) ou par ligne de tableau (.csv : "
                   "colonne quote/citation, sinon la première) ; « - » pour l'entrée standard.")
@click.option("--json", "as_json", is_flag=True, help="Une liste JSON, un verdict par citation.")
@click.option("--csv", "as_csv", is_flag=True, help="Un tableau CSV, une ligne par citation.")
@click.option("--url", "url_base", envvar="VERBATIM_URL", default="http://127.0.0.1:8000",
              show_default=True, help="Adresse du site, pour les liens (ou $VERBATIM_URL).")
@INDEX_OPTION
def verify_command(quote, quotes_file, as_json, as_csv, url_base, index_dir) -> None:
    """Vérifier une citation (QUOTE) ou un fichier de citations : où, quand, par qui, mot
    pour mot ou non. Verdicts : exact, close (proche, avec les différences), not_found."""
    from indexer.verify import CSV_COLUMNS, csv_row, read_quotes, render_text, verify_many

    if as_json and as_csv:
        raise click.UsageError("choisissez --json ou --csv, pas les deux")
    if bool(quote) == bool(quotes_file):
        raise click.UsageError("donnez une citation entre guillemets, ou --file FICHIER")
    quotes = [" ".join(quote)] if quote else read_quotes(
        quotes_file.read(), getattr(quotes_file, "name", "-"))
    if not quotes:
        raise click.ClickException("aucune citation dans le fichier")
    catalog = _opened(index_dir)
    try:
        results = verify_many(catalog, quotes, url_base)
    except Unsupported as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        catalog.close()
    if as_json:
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
    elif as_csv:
        import csv

        from webapp.exports import csv_cell

        writer = csv.writer(sys.stdout, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        for result in results:
            writer.writerow([csv_cell(cell) for cell in csv_row(result)])
    else:
        click.echo("\n\n".join(render_text(r, i) for i, r in enumerate(results, 1)))


@main.command("genealogy")
@click.argument("passage", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True,
              help="Le même JSON que GET /api/genealogy?q=PASSAGE.")
@click.option("--url", "url_base", envvar="VERBATIM_URL", default="http://127.0.0.1:8000",
              show_default=True, help="Adresse du site, pour les liens (ou $VERBATIM_URL).")
@INDEX_OPTION
@ENGINE_OPTIONS
def genealogy_command(passage, as_json, url_base, index_dir, engine, opensearch_url) -> None:
    """Retrouver chaque occurrence d'un passage ou d'une citation (PASSAGE), de la plus
    ancienne à la plus récente : qui l'a dit en premier, qui l'a repris, avec quels mots."""
    from indexer.genealogy import genealogy, public_occurrence, render_text

    catalog = _opened(index_dir, engine, opensearch_url)
    try:
        found = genealogy(catalog, " ".join(passage))
    except Unsupported as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        catalog.close()
    base = url_base.rstrip("/")
    occurrences = [public_occurrence(o, f"{base}/doc/{o['document_id']}?passage="
                                        f"{o['start']}-{o['end']}#passage")
                   for o in found["occurrences"]]
    if as_json:
        data = {"query": found["query"], "occurrences": occurrences}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(found["query"], occurrences, found["total"]))


@main.command("inspect")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Sortie JSON.")
@click.option("--full", is_flag=True, help="Afficher les textes en entier.")
@INDEX_OPTION
def inspect_command(path, as_json, full, index_dir) -> None:
    """Montrer ce que Verbatim lit dans un fichier : champs, citations, attributions."""
    from indexer.indexing import load_manifest_sources
    from indexer.inspect import inspect_file, render

    # a document's id depends on the folder it was indexed from: the one the index lists
    # for this file, so that /doc/<id> opens what inspect shows
    index_dir = index_dir or default_index_dir()
    roots = load_manifest_sources(index_dir) if index_dir.is_dir() else {}
    data = inspect_file(path, root=roots.get(str(path.absolute())),
                        text_chars=0 if full else 300)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(render(data))
    if data.get("error"):
        sys.exit(1)


@main.command("serve")
@INDEX_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Adresse d'écoute (127.0.0.1 : cette machine seulement).")
@click.option("--port", type=int, default=8000, show_default=True, help="Port d'écoute.")
@click.option("--workers", type=click.IntRange(1), default=None,
              help="Processus serveurs (défaut : nombre de cœurs).")
# Whoosh: four threads a process, enough to overlap reading the index files and writing
# answers; more share the core among more requests and push some past a second of server
# time (bench.load, 16 clients + 1 hostile: 8 threads 66 req/s and 5-8 requests over 1 s,
# 4 threads 58 req/s and none, 2 threads 52 req/s and none). OpenSearch: eight, its threads
# mostly wait on the cluster (`250k`, 16 clients: 45.8 req/s where 4 threads gave 33.2).
@click.option("--threads", type=click.IntRange(1), default=None,
              help="Fils par processus (défaut : 4, 8 avec OpenSearch).")
@ENGINE_OPTIONS
def serve_command(index_dir, host, port, workers, threads, engine, opensearch_url) -> None:
    """Servir l'interface web de recherche (gunicorn : un processus par cœur)."""
    import os

    from webapp import create_app
    from webapp.server import default_workers, serve

    threads = threads or (8 if engine == "opensearch" else 4)
    index_dir = (index_dir or default_index_dir()).absolute()
    # every worker process opens its catalog with the engine chosen (`open_catalog`)
    os.environ["VERBATIM_ENGINE"] = engine
    if opensearch_url:
        os.environ["VERBATIM_OPENSEARCH_URL"] = opensearch_url
    if engine == "whoosh" and not (index_dir / "manifest.json").exists():
        raise click.ClickException(
            f"aucun index dans {index_dir} — lancez d'abord « verbatim index DOSSIER »."
        )
    _warn_data_files()  # names typed are read through the aliases
    app = create_app({"INDEX_DIR": str(index_dir)})
    workers = workers or default_workers()
    click.echo(f"Verbatim sert {index_dir} sur http://{host}:{port}/ ({workers} processus × "
               f"{threads} fils ; Ctrl+C pour arrêter)")
    serve(app, host=host, port=port, workers=workers, threads=threads)


if __name__ == "__main__":
    main()
