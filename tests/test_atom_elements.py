"""The Atom feed's elements, written as text (`webapp.exports._element`): what ElementTree
wrote of the same element in the feed (kept here as the reference), character for character,
for texts and attribute values holding what XML escapes or cannot hold at all."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from webapp.exports import ATOM, _element, _xml

TEXT = st.none() | st.text(st.sampled_from('ab &<>"\'\r\n\t\x00\x0bé«»\ufffe'), max_size=10)


def elementtree(tag: str, text: object, attrs: dict[str, object]) -> str:
    """The element as the feed wrote it before: an ElementTree child of the Atom feed."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    child = ET.SubElement(feed, f"{{{ATOM}}}{tag}", {k: _xml(v) for k, v in attrs.items()})
    if text is not None:
        child.text = _xml(text)
    written = ET.tostring(feed, encoding="unicode", xml_declaration=False)
    start = f'<feed xmlns="{ATOM}">'
    assert written.startswith(start) and written.endswith("</feed>")
    return written[len(start):-len("</feed>")]


@settings(max_examples=300, deadline=None)
@given(tag=st.sampled_from(["title", "summary", "category", "link"]), text=TEXT,
       attrs=st.dictionaries(st.sampled_from(["rel", "type", "href", "term"]),
                             TEXT.filter(lambda v: v is not None), max_size=3))
def test_an_element_is_what_elementtree_wrote(tag, text, attrs):
    assert _element(tag, text, **attrs) == elementtree(tag, text, attrs)


def test_a_summary_and_a_theme():
    summary = "… « l'eau <potable> » & les nappes\x0b phréatiques …"
    assert _element("summary", summary, type="text") == (
        '<summary type="text">… « l\'eau &lt;potable&gt; » &amp; les nappes phréatiques …'
        "</summary>")
    assert _element("category", term='Santé "publique"') == \
        '<category term="Santé &quot;publique&quot;" />'
    assert _element("summary", "", type="text") == '<summary type="text" />'
