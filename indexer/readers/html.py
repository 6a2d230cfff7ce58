"""HTML reader: the article of a web page, without its menu, header, footer or scripts.

`parse_html` and `html_paragraphs` are shared with the Markdown reader, whose bodies mix
Markdown and raw HTML.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime
from pathlib import Path

from bs4 import (
    BeautifulSoup,
    MarkupResemblesLocatorWarning,
    NavigableString,
    Tag,
    XMLParsedAsHTMLWarning,
)
from bs4.element import PreformattedString

from indexer.readers import Record, Unreadable
from indexer.text import clean_paragraph, join_paragraphs

# Elements that end the running paragraph; everything else is inline and joins its text as is.
_BLOCKS = frozenset(
    "address article blockquote body br caption center dd details dialog div dl dt fieldset "
    "figcaption figure footer h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main ol p pre "
    "section summary table tbody td tfoot th thead tr ul".split()
)
# Never content: page chrome, code, embedded media and form widgets.
_SKIPPED = frozenset(
    "aside audio button canvas embed form head iframe img input map nav noscript object "
    "picture script select source style svg template textarea title video".split()
)
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
_HIDDEN_CLASSES = frozenset({"sr-only", "visually-hidden", "screen-reader-text"})
_MEDIA = frozenset(["img", "picture", "video", "audio", "iframe", "svg", "object"])
# Broken or hostile pages nest elements thousands deep (10,000 unclosed <font>): every
# question about a tag's ancestors or descendants looks a bounded distance, so that a page
# costs time in proportion to its size, not to its size times its depth.
_ANCESTOR_LIMIT = 64  # levels a header or footer looks up for its article or quotation
_MEDIA_SCAN_LIMIT = 200  # nodes of a figure searched for an image (it comes first)
_HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
_PARAGRAPH_EDGES = _BLOCKS | {"body"}  # a parent whose edge ends a paragraph
_ICON_LINK_WORDS = 4  # of a link with an icon, alone in its paragraph: the page's furniture
# A paragraph of links to the page's own files (« Télécharger ce communiqué : PDF »): each
# link says a file format, and a few words at most label them. Past these sizes it is text.
_DOWNLOAD_LABEL_WORDS = 4
_DOWNLOAD_CHARS = 200
_DOWNLOAD_LINKS = 6
# a line of links to the page's files is a few elements and strings: a paragraph or list item
# holding more is text, and looking no further keeps a page of ten thousand nested items
# linear (each item's links were looked for through all the items inside it: minutes)
_DOWNLOAD_NODES = 60
_FORMAT_WORDS = frozenset(
    "pdf doc docx odt rtf epub word zip txt html version format fichier document en au le la "
    "ko mo kb mb".split())
_FORMAT_NAMES = frozenset("pdf doc docx odt rtf epub word zip".split())
_SIZE = re.compile(r"\d+(?:[.,]\d+)?")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_BREAK = object()  # marks the end of a block on the walk stack


def parse_html(markup: str | bytes) -> BeautifulSoup:
    """Return the lxml parse of `markup`, silencing bs4's guesses about what it looks like.

    Short Markdown bodies can look like a URL, XHTML pages like XML: neither is an error here,
    and the test suite turns warnings into errors.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(markup, "lxml")


def _skipped(tag: Tag) -> bool:
    """Tell whether an element holds no article text (chrome, media, hidden text)."""
    name = tag.name
    if name in _SKIPPED or tag.get("role") in _CHROME_ROLES:
        return True
    # An article's own header (title, byline, lead) is content; the site's header is not.
    if name == "header":
        return not _has_ancestor(tag, ("article", "section"))
    # A footer inside a quotation is its attribution (« — Antoine Deltour »); others are chrome.
    if name == "footer":
        return not _has_ancestor(tag, ("blockquote", "figure"))
    # Illustrations carry captions and photo credits, not statements; figures of quotes stay.
    if name == "figure":
        return _has_media(tag)
    classes = tag.get("class") or []
    if name == "i" and _is_icon(tag):
        return True  # Font Awesome icons
    if name == "a" and _icon_link(tag):
        return True
    if name in ("p", "li") and _download_line(tag):
        return True
    if _HIDDEN_CLASSES.intersection(classes) or tag.has_attr("hidden"):
        return True
    style = re.sub(r"\s+", "", str(tag.get("style", ""))).lower()
    return tag.get("aria-hidden") == "true" or "display:none" in style


def _is_icon(tag: Tag) -> bool:
    """Tell whether `tag` is a Font Awesome icon (`<i class="fa fa-file-pdf-o">`)."""
    return any(c == "fa" or c.startswith("fa-") for c in tag.get("class") or [])


def _icon_link(tag: Tag) -> bool:
    """Tell whether a link is the page's furniture: an icon and a few words (« Version
    PDF », « Télécharger ») alone in their paragraph, as the luxleaks committee's releases
    open on their PDF's link. A link inside a sentence, or without an icon, is text.

    >>> page = parse_html('<p><a href="/pr.pdf"><i class="fa fa-file-pdf-o"></i> Version '
    ...                   'PDF</a></p><p>Voir <a href="/pr.pdf"><i class="fa"></i> ici</a>.</p>')
    >>> [_icon_link(a) for a in page.find_all("a")]
    [True, False]
    """
    icons = [c for c in tag.children if isinstance(c, Tag) and
             (c.name in ("img", "svg") or (c.name == "i" and _is_icon(c)))]
    if not icons or len(tag.get_text().split()) > _ICON_LINK_WORDS:
        return False
    return _alone(tag, "previous_sibling") and _alone(tag, "next_sibling")


def _download_line(tag: Tag) -> bool:
    """Tell whether a paragraph is the page's links to its own files: every link names a
    file format (« PDF », « Version Word », « PDF (245 Ko) »), and the words around them
    are a label of a few words (« Télécharger ce communiqué : »), as the demo corpus's
    releases end. A link whose words say more (« la lettre au préfet ») is text.

    >>> page = parse_html('<p>Télécharger ce communiqué : <a href="/c.pdf">PDF</a></p>'
    ...                   '<p>Le rapport <a href="/r.pdf">en PDF</a> détaille les relevés '
    ...                   'de la Vère depuis 2019.</p><p><a href="/l.pdf">Lettre au préfet</a>'
    ...                   '</p><li><a href="/a.pdf">PDF</a> · <a href="/a.odt">ODT</a></li>')
    >>> [_download_line(p) for p in page.find_all(["p", "li"])]
    [True, False, False, True]
    """
    if not _few_nodes(tag, _DOWNLOAD_NODES):
        return False
    links = tag.find_all("a", limit=_DOWNLOAD_LINKS + 1)
    if not links or len(links) > _DOWNLOAD_LINKS:
        return False
    text = tag.get_text(" ")
    if len(text) > _DOWNLOAD_CHARS:
        return False
    linked = 0
    for link in links:
        words = re.findall(r"\w+", link.get_text(" ").casefold())
        if not words or not _FORMAT_NAMES.intersection(words) or not all(
                w in _FORMAT_WORDS or _SIZE.fullmatch(w) for w in words):
            return False
        linked += len(words)
    # after the last link, separators at most: « Le communiqué : Version PDF. » is a sentence
    last = links[-1].get_text(" ")
    after = text[text.rfind(last) + len(last):]
    if after.strip(" \t\n\xa0·•|/-–—,;"):
        return False
    return len(re.findall(r"\w+", text)) - linked <= _DOWNLOAD_LABEL_WORDS


def _few_nodes(tag: Tag, limit: int) -> bool:
    """Tell whether `tag` holds at most `limit` elements and strings, looking at no more than
    that many (bs4's `descendants` first walks to the subtree's end).

    >>> p = parse_html("<p>a <b>b</b> c</p>").p
    >>> _few_nodes(p, 4), _few_nodes(p, 3)
    (True, False)
    """
    seen, stack = 0, [tag]
    while stack:
        for child in stack.pop().contents:
            seen += 1
            if seen > limit:
                return False
            if isinstance(child, Tag):
                stack.append(child)
    return True


def _alone(tag: Tag, side: str) -> bool:
    """Tell whether nothing but spaces stands between `tag` and the end of its paragraph on
    `side` ("previous_sibling" or "next_sibling"): its block's edge, or a block (a Markdown
    body's `<br>` between blocks)."""
    node = getattr(tag, side)
    for _ in range(_ANCESTOR_LIMIT):
        if node is None:
            return tag.parent is not None and tag.parent.name in _PARAGRAPH_EDGES
        if isinstance(node, Tag):
            return node.name in _BLOCKS
        if str(node).strip():
            return False
        node = getattr(node, side)
    return False


def _has_ancestor(tag: Tag, names: tuple[str, ...]) -> bool:
    """Tell whether one of the `_ANCESTOR_LIMIT` nearest ancestors of `tag` is named `names`."""
    for level, parent in enumerate(tag.parents):
        if level >= _ANCESTOR_LIMIT:
            return False
        if parent.name in names:
            return True
    return False


def _has_media(tag: Tag) -> bool:
    """Tell whether an image or other media is among the first descendants of `tag`."""
    # an explicit stack: bs4's `descendants` first walks to the end of the whole subtree
    stack: list[object] = list(reversed(tag.contents))
    for _ in range(_MEDIA_SCAN_LIMIT):
        if not stack:
            return False
        node = stack.pop()
        if isinstance(node, Tag):
            if node.name in _MEDIA:
                return True
            stack.extend(reversed(node.contents))
    return False


def html_paragraphs(root: Tag) -> list[str]:
    """Return the cleaned paragraphs under `root`: block elements and `<br>` end a paragraph.

    Inline elements keep the text around them as written, so `<p>Un <em>mot</em></p>`
    stays « Un mot » and `<b>Com</b>muniqué` stays one word.
    """
    paragraphs: list[str] = []
    buffer: list[str] = []
    # An explicit stack, not recursion: real pages nest deeper than Python's recursion limit.
    stack: list[object] = [root]
    while stack:
        node = stack.pop()
        if node is _BREAK or (isinstance(node, Tag) and node.name in _BLOCKS):
            paragraph = clean_paragraph("".join(buffer))
            if paragraph:
                paragraphs.append(paragraph)
            buffer.clear()
        if isinstance(node, NavigableString):
            if not isinstance(node, PreformattedString):  # comments, doctype, CDATA
                buffer.append(str(node))
        elif isinstance(node, Tag) and not _skipped(node):
            if node.name in _BLOCKS:
                stack.append(_BREAK)
            stack.extend(reversed(node.contents))
    return paragraphs


def inline_text(root: Tag) -> str:
    """Return the text of a short element (a title) on one line."""
    return " ".join(html_paragraphs(root))


def iso_date(value: object) -> str | None:
    """Return YYYY-MM-DD for a date, a datetime or a string starting with an ISO date.

    >>> iso_date("2016-06-29T15:00:00+02:00")
    '2016-06-29'
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    match = _ISO_DATE.match(str(value)) if isinstance(value, str) else None
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:  # 2016-02-30 and the like
        return None


def lang_code(value: object) -> str | None:
    """Return the primary language subtag: "fr-FR" and "fr_FR" give "fr"."""
    if not isinstance(value, str):
        return None
    code = re.split(r"[-_]", value.strip().lower())[0]
    return code if code.isalpha() and 2 <= len(code) <= 3 else None


def _in_skipped(tag: Tag, memo: dict[int, tuple[bool, Tag]]) -> bool:
    """Tell whether `tag` or one of its ancestors is skipped, remembering the answer for every
    tag walked through so that each tag of the page is examined once."""
    chain: list[Tag] = []
    found = False
    node: Tag | None = tag
    while node is not None:
        if id(node) in memo:
            found = memo[id(node)][0]
            break
        chain.append(node)
        if _skipped(node):
            found = True
            break
        node = node.parent
    for walked in chain:  # the tag is kept with its answer: its id cannot be reused meanwhile
        memo[id(walked)] = (found, walked)
    return found


def _text_length(p: Tag) -> int:
    """Return `len(p.get_text(strip=True))` without the text of paragraphs nested in `p`.

    Only broken pages nest paragraphs, but they may nest thousands, each holding the rest of
    the page: counting it again for each would take quadratic time.
    """
    total = 0
    stack: list[object] = list(p.contents)
    while stack:
        node = stack.pop()
        if type(node) is NavigableString:  # what get_text counts: not comments, not scripts
            total += len(node.strip())
        elif isinstance(node, Tag) and node.name != "p":
            stack.extend(node.contents)
    return total


def _paragraph_host(soup: BeautifulSoup) -> Tag | None:
    """Return the element whose `<p>` children hold the most text (pages without landmarks)."""
    scores: dict[int, int] = {}
    hosts: dict[int, Tag] = {}
    memo: dict[int, tuple[bool, Tag]] = {}
    for p in soup.find_all("p"):
        parent = p.parent
        if not isinstance(parent, Tag) or _in_skipped(parent, memo):
            continue
        scores[id(parent)] = scores.get(id(parent), 0) + _text_length(p)
        hosts[id(parent)] = parent
    if not scores:
        return None
    return hosts[max(scores, key=scores.__getitem__)]


def _content(soup: BeautifulSoup) -> Tag:
    """Return the element holding the article: landmarks first, then the densest paragraphs."""
    for candidate in (soup.find("main"), soup.find("article"), soup.find(attrs={"role": "main"})):
        if isinstance(candidate, Tag) and html_paragraphs(candidate):
            return candidate
    return _paragraph_host(soup) or soup.body or soup


# A site's description naming who publishes it: « Site officiel du comité de soutien à … ».
_SITE_OF = re.compile(
    r"^\s*(?:le\s+)?site\s+(?:officiel|internet|web)?\s*(?:du|de\s+la|de\s+l['’]|des)\s*"
    r"(?P<name>[^,.;:!?()]{3,80})",
    re.IGNORECASE,
)


def _meta(soup: BeautifulSoup, **attrs: str) -> str | None:
    """Return the `content` of the first `<meta>` matching `attrs`, stripped, or None."""
    tag = soup.find("meta", attrs=attrs)
    content = tag.get("content") if isinstance(tag, Tag) else None
    if not isinstance(content, str):
        return None
    return content.strip() or None


def _title(soup: BeautifulSoup, content: Tag) -> str | None:
    """Return the page title, taking the first heading of the article out of its text."""
    h1 = content.find("h1")
    if isinstance(h1, Tag) and (title := inline_text(h1)):
        if content.find(_HEADINGS) is h1:  # the article's own title: it is a field, not text
            h1.decompose()
        return title
    title = _meta(soup, property="og:title")
    if title is None and soup.title is not None:
        title = soup.title.get_text()
    return clean_paragraph(title) or None if title else None


def _date(soup: BeautifulSoup, content: Tag) -> str | None:
    """Return the publication date: the article's `<time>`, else the page's meta tags."""
    times = content.find_all("time", attrs={"datetime": True})
    times.sort(key=lambda t: t.get("itemprop") != "datePublished")  # stable: keeps page order
    for time in times:
        if found := iso_date(time.get("datetime")):
            # A dateline standing alone under the title repeats a field; in a sentence it stays.
            parent = time.parent
            if parent is content or (parent is not None and parent.name in ("article", "header")):
                time.decompose()
            return found
    for attrs in (
        {"property": "article:published_time"},
        {"itemprop": "datePublished"},
        {"name": "date"},
        {"name": "DC.date"},
    ):
        if found := iso_date(_meta(soup, **attrs)):
            return found
    return None


def read(path: Path) -> list[Record]:
    """Return the one record of an HTML page: its article text, title, date and language."""
    raw = path.read_bytes()
    if not raw.strip():
        raise Unreadable("fichier vide")
    soup = parse_html(raw)
    lang = lang_code(soup.html.get("lang") if soup.html else None)
    content = _content(soup)
    title = _title(soup, content)
    found_date = _date(soup, content)
    text = join_paragraphs(html_paragraphs(content))
    if not text:
        raise Unreadable("aucun texte dans la page")
    meta = {"author": author} if (author := _meta(soup, name="author")) else {}
    if not meta and (site := _SITE_OF.match(_meta(soup, name="description") or "")):
        # « Site officiel du comité de soutien à Antoine Deltour, lanceur d'alerte … »
        name = site.group("name").strip()
        meta["publisher"] = name[:1].upper() + name[1:]
    return [Record(text=text, title=title, date=found_date, lang=lang, meta=meta)]
