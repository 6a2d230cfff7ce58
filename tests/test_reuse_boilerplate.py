"""The reuse step's contact-block test (`indexer.reuse.passages._BOILERPLATE`), written for
speed, finds a contact block, an address or a link wherever the twelve alternatives it was
first written as did: on every stretch of the shared corpus's press releases and on made-up
strings that put word boundaries, accents and case where they matter. Searched only in a
passage holding one of the words it needs (`_contact`), it finds the same."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.reuse.passages import _BOILERPLATE, _CONTACT_WORDS, _contact

# The test as it was first written: twelve alternatives, seven of them after a `\b`.
TWELVE = [r"@", r"https?://", r"www\.", r"\b\d{2}(?:[ .]\d{2}){4}\b", r"\+33",
          r"contacts? (?:presse|press)", r"\bt[ée]l(?:[ée]phone)?\s*[.:]", r"\bfax\b",
          r"\bcedex\b", r"\bcourriel\b", r"\be-?mail\b", r"\bsource\s*:"]
AS_FIRST_WRITTEN = re.compile("|".join(TWELVE), re.IGNORECASE)


def found(text: str) -> tuple[bool, bool]:
    """Whether the test finds something in `text`, now and as first written."""
    now = _contact(text)
    assert now == bool(_BOILERPLATE.search(text)), "the words it needs missed"
    return now, bool(AS_FIRST_WRITTEN.search(text))


def test_contact_blocks_of_press_releases_are_found_as_before(shared):
    """Every 300-character stretch (every 100 characters) of the LuxLeaks support
    committee's releases: the same verdict, contact blocks and links found."""
    folder = shared / "luxleaks-communiques" / "markdown"
    texts = [path.read_text("utf-8") for path in sorted(folder.glob("*.md"))]
    assert len(texts) > 50
    verdicts = [found(text[start:start + 300]) for text in texts
                for start in range(0, max(1, len(text) - 200), 100)]
    assert all(now == before for now, before in verdicts)
    flagged = sum(now for now, _ in verdicts)
    assert 0 < flagged < len(verdicts) / 2  # most stretches are prose


def test_each_kind_of_contact_is_still_found():
    cases = {
        "Contact presse : Jeanne Martin": True,
        "Contacts press: soutien@antoinedeltour.net": True,
        "Tél. : 06 12 34 56 78": True,
        "TÉLÉPHONE : 01 44 55 66 77": True,
        "téléphone: joignable": True,
        "Plus d'infos sur https://www.exemple.fr": True,
        "(+33) 6 12 34 56 78": True,
        "75007 Paris Cedex 07": True,
        "par courriel ou par E-mail": True,
        "Source : Commission européenne": True,
        "Fax 01 02 03 04 05": True,
        "un hôtel : la façade, l'hôtel. Le cartel. Un télex.": False,
        "Une source sûre, des faxes, l'emailing, un télécopieur": False,
        "les cedexes, un courrielleur, l'intel : 2012 2013 2014": False,
        "Le texte a été adopté le 12 mars, par 312 voix contre 45.": False,
        # letters the search takes for others, ignoring case: ı and İ for i, ſ for s
        "par courrıel": True,
        "PAR COURRİEL": True,
        "Sourſe, ſource : le ministère": True,
        "Standard ٠١ ٤٤ ٥٥ ٦٦ ٧٧": True,  # digits of another script are digits to it
        "Tel. : le standard": True,
        "une ſource ſûre, un courrıer": False,
    }
    assert {text: found(text) for text in cases} == \
        {text: (flag, flag) for text, flag in cases.items()}


@given(st.lists(st.sampled_from(
    ["tel", "tél", "TÉL", "Tel", "éphone", "ephone", "fax", "Fax", "cedex", "courriel",
     "e-mail", "email", "mail", "source", "contact", "contacts", " presse", " press",
     "http", "https", "://", "www", "+33", "@", "12", "3", " ", "  ", ":", ".", "-", "_",
     "a", "x", "s", "é", "’", "'", "ſ", "\n", "0", "ı", "İ", "I", "courr", "el", "ource",
     "٣", "\u0307", "K", "T", "ÉL"]), max_size=30).map("".join))
@settings(max_examples=2000, deadline=None)
def test_made_up_strings_are_judged_as_before(text):
    now, before = found(text)
    assert now == before


def test_the_words_a_search_needs_are_found_in_every_case_it_ignores():
    """`_contact` looks for `_CONTACT_WORDS` in the text lowered: every character the search
    takes for one of their letters, ignoring case, lowers to that letter, or lowers to
    something `_CONTACT_WORDS` sends to the search (ı, ſ, and İ's combining dot)."""
    letters = sorted({c for word in _CONTACT_WORDS for c in word if c.isalpha()} - {"ı", "ſ"})
    every = "".join(map(chr, [*range(0xD800), *range(0xE000, 0x110000)]))
    taken = {m.group() for m in re.finditer(f"[{''.join(letters)}]", every, re.IGNORECASE)}
    odd = {c for c in taken if c.lower() not in letters}
    assert odd == {"İ", "ı", "ſ"}
    assert all(any(word in c.lower() for word in _CONTACT_WORDS) for c in odd)
