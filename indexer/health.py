"""`verbatim check`: does the index open, hold what its manifest says, and match the files?"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.reading import SegmentReader

from indexer.engine import OutdatedIndex
from indexer.indexing import INDEX_NAME, MANIFEST, FolderManifest, _load_manifest, open_current

REBUILD = ("Reconstruisez l'index depuis les sources : verbatim index --rebuild --index "
           "{index_dir} (les dossiers enregistrés sont relus)")


@dataclass
class Health:
    """What `check_index` found; `problems` is empty for a sound index."""

    segments: int = 0
    documents: int = 0  # statements
    quotes: int = 0
    files: int = 0  # files in the manifest
    missing_files: list[str] = field(default_factory=list)  # in the manifest, gone from disk
    problems: list[str] = field(default_factory=list)
    advice: str = ""
    outdated: bool = False  # sound, but written by an older version: to rebuild

    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems

    @property
    def state(self) -> str:
        """The one-word verdict `verbatim check` prints: bon, à reconstruire, endommagé."""
        if self.ok:
            return "bon"
        return "à reconstruire" if self.outdated else "endommagé"


def check_index(index_dir: Path | str) -> Health:
    """Open every segment of the index, count its records and compare with the manifest."""
    index_dir = Path(index_dir)
    health = Health()
    if not whoosh_index.exists_in(str(index_dir), indexname=INDEX_NAME):
        health.problems.append(f"aucun index dans {index_dir}")
        health.advice = "Construisez-le : verbatim index DOSSIER --index " + str(index_dir)
        return health
    ids: set[str] = set()
    try:
        ix = open_current(index_dir)
        for segment in ix._segments():
            health.segments += 1
            reader = SegmentReader(ix.storage, ix.schema, segment)
            try:
                for _docnum, stored in reader.iter_docs():
                    if stored.get("type") == "doc":
                        ids.add(stored["id"])
                    elif stored.get("type") == "quote":
                        health.quotes += 1
                # the term and posting files too, not only the stored fields
                for fieldname in reader.indexed_field_names():
                    for term in reader.lexicon(fieldname):
                        for _ in reader.postings(fieldname, term).all_ids():
                            pass
            finally:
                reader.close()
    except OutdatedIndex as exc:
        # nothing is damaged: reading its postings would fail on the fields it lacks and
        # call it damaged, when a rebuild from its sources is all it needs
        health.outdated = True
        health.problems.append(str(exc))  # it says which command rebuilds it
        return health
    except Exception as exc:  # noqa: BLE001 - any failure here means a damaged index
        health.problems.append(f"index endommagé : {type(exc).__name__}: {exc}"[:300])
    health.documents = len(ids)
    try:
        manifest = _load_manifest(FolderManifest(index_dir))
    except Exception as exc:  # noqa: BLE001
        manifest = {}
        health.problems.append(f"{MANIFEST} illisible : {exc}")
    health.files = len(manifest)
    recorded = {doc_id for entry in manifest.values() for doc_id in entry.docs}
    if not health.problems and recorded != ids:
        lost, extra = len(recorded - ids), len(ids - recorded)
        health.problems.append(
            f"l'index et {MANIFEST} divergent : {lost} document(s) attendu(s) absent(s), "
            f"{extra} document(s) inattendu(s)"
        )
    health.missing_files = sorted(p for p in manifest if not Path(p).exists())
    if health.problems:
        health.advice = REBUILD.format(index_dir=index_dir)
    elif health.missing_files:
        health.advice = "Des fichiers ont disparu : relancez verbatim index pour les retirer."
    return health
