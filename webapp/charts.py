"""The bar charts of the search and speaker pages (`webapp.facets.bar_chart`'s bars) as SVG.

Written in Python rather than as a template macro: a chart's every number and title went
through the template's escaping one by one (about 400 escapes a search page: a chart of 60
bars took 0.59 ms to render, 0.29 ms now). The numbers (the layout's, `round`ed: digits, a
point, a sign) are written as they are, the texts escaped. The markup is the macro's,
character for character (tests/test_charts.py renders both).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape


def bar_chart(chart: dict[str, Any], label: str, id: str) -> Markup:  # noqa: A002 - as the macro
    """Return the chart's <figure>: an SVG of its bars, a bar with a `url` a link, a bar
    with a `tick` its label under it, and `label` as the title and caption."""
    width, height, baseline = chart["width"], chart["height"], chart["baseline"]
    label, id = escape(label), escape(id)  # noqa: A001
    out = [f'<figure class="chart">\n  <svg viewBox="0 0 {width} {height}" '
           f'aria-labelledby="{id}-title"\n       class="bars" focusable="false">\n'
           f'    <title id="{id}-title">{label}</title>\n'
           f'    <line class="axis" x1="0" x2="{width}" y1="{baseline}" '
           f'y2="{baseline}"></line>']
    empty_y = baseline - 1
    for bar in chart["bars"]:
        title, x, bar_width = escape(bar["title"]), bar["x"], bar["width"]
        if bar["url"]:
            out.append(f'\n    <a href="{escape(bar["url"])}" aria-label="{title}" '
                       f'class="bar-link">\n      <title>{title}</title>\n'
                       f'      <rect class="hit" x="{bar["slot"]}" y="0" '
                       f'width="{bar["step"]}" height="{baseline}"></rect>\n'
                       f'      <rect class="bar" x="{x}" y="{bar["y"]}" '
                       f'width="{bar_width}" height="{bar["height"]}"></rect>\n'
                       f'    </a>')
        else:
            out.append(f'\n    <g><title>{title}</title>\n      <rect class="bar empty" '
                       f'x="{x}" y="{empty_y}" width="{bar_width}" height="1"></rect></g>')
        if bar["tick"]:
            out.append(f'\n    <text x="{bar["center"]}" y="{height - 6}" '
                       f'text-anchor="middle" aria-hidden="true">{escape(bar["label"])}</text>')
    out.append(f"\n  </svg>\n  <figcaption>{label}</figcaption>\n</figure>")
    return Markup("".join(out))
