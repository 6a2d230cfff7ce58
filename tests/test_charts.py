# ruff: noqa: E501 - the macro as it was written, its long lines included
"""The bar charts' SVG (`webapp.charts.bar_chart`), written in Python: the markup of the
template macro it replaced (kept here as the reference), character for character, for charts
of every size, with titles and links holding what HTML escapes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import Environment

from webapp import create_app
from webapp.charts import bar_chart
from webapp.facets import bar_chart as chart_of

MACRO = """{% macro bar_chart(chart, label, id) -%}
<figure class="chart">
  <svg viewBox="0 0 {{ chart['width'] }} {{ chart['height'] }}" aria-labelledby="{{ id }}-title"
       class="bars" focusable="false">
    <title id="{{ id }}-title">{{ label }}</title>
    <line class="axis" x1="0" x2="{{ chart['width'] }}" y1="{{ chart['baseline'] }}" y2="{{ chart['baseline'] }}"></line>
    {%- for bar in chart['bars'] %}
    {%- if bar['url'] %}
    <a href="{{ bar['url'] }}" aria-label="{{ bar['title'] }}" class="bar-link">
      <title>{{ bar['title'] }}</title>
      <rect class="hit" x="{{ bar['slot'] }}" y="0" width="{{ bar['step'] }}" height="{{ chart['baseline'] }}"></rect>
      <rect class="bar" x="{{ bar['x'] }}" y="{{ bar['y'] }}" width="{{ bar['width'] }}" height="{{ bar['height'] }}"></rect>
    </a>
    {%- else %}
    <g><title>{{ bar['title'] }}</title>
      <rect class="bar empty" x="{{ bar['x'] }}" y="{{ chart['baseline'] - 1 }}" width="{{ bar['width'] }}" height="1"></rect></g>
    {%- endif %}
    {%- if bar['tick'] %}
    <text x="{{ bar['center'] }}" y="{{ chart['height'] - 6 }}" text-anchor="middle" aria-hidden="true">{{ bar['label'] }}</text>
    {%- endif %}
    {%- endfor %}
  </svg>
  <figcaption>{{ label }}</figcaption>
</figure>
{%- endmacro %}"""
REFERENCE = Environment(autoescape=True).from_string(MACRO + "{{ bar_chart(chart, label, id) }}")
TEXT = st.text(st.sampled_from("ab &<>\"'é «»:0"), max_size=12)


@settings(max_examples=300, deadline=None)
@given(points=st.lists(st.fixed_dictionaries({
    "period": st.sampled_from(["1999", "2016", "2016-04", "2024-12"]),
    "count": st.integers(0, 5000), "url": st.none() | TEXT, "title": TEXT}), max_size=70),
    label=TEXT, id=st.sampled_from(["histogram", "timeline", "a&b"]))
def test_the_chart_is_the_macros_markup(points, label, id):  # noqa: A002
    chart = chart_of(points)
    if chart is None:
        return
    assert str(bar_chart(chart, label, id)) == REFERENCE.render(chart=chart, label=label, id=id)


def test_the_pages_call_it(tmp_path):
    app = create_app({"INDEX_DIR": str(tmp_path)})
    assert app.jinja_env.globals["bar_chart"] is bar_chart
    source = app.jinja_env.loader.get_source(app.jinja_env, "search.html")[0]
    assert "bar_chart(histogram" in source and "import bar_chart" not in source
