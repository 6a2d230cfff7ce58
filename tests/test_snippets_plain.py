"""Plain snippets (`indexer.snippets.plain_snippets`): a CSV export's cells and an Atom feed's
summaries are the text of the HTML snippets, neither escaped nor marked — what
`webapp.formatting.plain_text` made of each, without making the HTML first."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from indexer.snippets import highlight_all, passage_snippet, plain_snippets, snippet
from webapp.formatting import plain_text

# French with what HTML escapes (& < > " '), entities written as text, a literal <mark>
PIECES = ["l'alerte", "d’alerte", "lanceurs", " ", ", ", "État", "rivière", "« ", " »", "…",
          "&", "&amp;", "&lt;", "<", ">", "<mark>", "</mark>", '"', "'", "&#x27;", "R&D",
          "a<b", "x > y", "sœur", "😀", "2020", "\n"]
TERMS = ["alert", "lanceur", "etat", "riviere", "soeur", "2020", "mark", "amp", "lt", "d"]


@settings(max_examples=400, deadline=None)
@given(text=st.lists(st.sampled_from(PIECES), max_size=400).map("".join),
       terms=st.sets(st.sampled_from(TERMS), max_size=3), top=st.integers(1, 2))
@example(text="R&D <mark>x</mark> &amp; l'alerte " * 40, terms={"alert"}, top=2)
@example(text="&lt; rien " * 100, terms=set(), top=2)
def test_a_plain_snippet_is_the_text_of_the_html_one(text, terms, top):
    html_snippet = snippet(text, terms, top=top)
    with plain_snippets():
        plain = snippet(text, terms, top=top)
    assert plain == plain_text(html_snippet)


@settings(max_examples=200, deadline=None)
@given(text=st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
       terms=st.sets(st.sampled_from(TERMS), max_size=3), data=st.data())
def test_a_plain_quotation_and_passage_are_their_text(text, terms, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    html_all, html_passage = highlight_all(text, terms), passage_snippet(text, start, end, 8)
    with plain_snippets():
        assert highlight_all(text, terms) == plain_text(html_all) == text
        assert passage_snippet(text, start, end, 8) == plain_text(html_passage)


def test_snippets_are_html_again_after_the_block():
    with plain_snippets():
        assert snippet("R&D : l'alerte", {"alert"}) == "R&D : l'alerte"
    assert snippet("R&D : l'alerte", {"alert"}) == "R&amp;D : <mark>l&#x27;alerte</mark>"
