"""The speakers' links (`webapp.speakers`, the pages' `speakers_line`), written in Python: the
markup of the template macro it replaced (kept here as the reference), character for
character, for speakers as a hit gives them ({name, function}) and as a document holds them
(`Speaker`), names and functions holding what HTML and URLs escape. A name written otherwise
only in accents or capitals (« Elisabeth Borne » for « Élisabeth Borne ») is not noted."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.document import Speaker
from indexer.engine import facet_key
from webapp import create_app

MACRO = """{% macro speakers_line(speakers) -%}
{%- for s in speakers -%}
<a href="{{ url_for('pages.speaker', name=s['name']) }}">{{ s['name'] }}</a>
{%- if s['written'] and key(s['written']) != key(s['name']) -%}
<span class="written"> (« {{ s['written'] }} » dans le texte)</span>
{%- endif %}
{%- if s['function'] %}<span class="function">, {{ s['function'] }}</span>{% endif %}
{%- if not loop.last %} · {% endif -%}
{%- endfor -%}
{%- endmacro %}"""
TEXT = st.text(st.sampled_from("abAÉ &<>\"'é«»/?#% "), min_size=1, max_size=10)
SPEAKER = st.builds(lambda name, function, written, as_dict:
                    {"name": name, "function": function, **({"written": written} if written
                                                            else {})}
                    if as_dict else Speaker(name, function),
                    TEXT, st.none() | st.just("") | TEXT, st.none() | TEXT, st.booleans())


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return create_app({"INDEX_DIR": str(tmp_path_factory.mktemp("index"))})


@settings(max_examples=200, deadline=None)
@given(speakers=st.lists(SPEAKER, max_size=4))
def test_the_links_are_the_macros_markup(app, speakers):
    with app.test_request_context("/?q=retraites"):
        reference = app.jinja_env.from_string(MACRO + "{{ speakers_line(speakers) }}")
        line = app.jinja_env.from_string("{{ speakers_line(speakers) }}")
        assert line.render(speakers=speakers) == reference.render(speakers=speakers,
                                                                  key=facet_key)


def test_a_minister_and_a_speaker_without_function(app):
    with app.test_request_context("/"):
        line = app.jinja_env.globals["speakers_line"]([
            {"name": "Élisabeth Borne", "function": "Première ministre"},
            Speaker("Olivier Dussopt", None)])
    assert str(line) == (
        '<a href="/speaker/%C3%89lisabeth%20Borne">Élisabeth Borne</a><span class="function">'
        ', Première ministre</span> · <a href="/speaker/Olivier%20Dussopt">Olivier Dussopt</a>')


def test_a_link_kept_for_one_root_is_not_given_under_another(app):
    # the templates' url_for keeps its links for the process, by what makes them: the root
    # the app is served under, the host and the scheme
    url_for = app.jinja_env.globals["url_for"]
    for base, expected in (("http://localhost/", "/speaker/Jean%20Castex"),
                           ("http://localhost/verbatim/", "/verbatim/speaker/Jean%20Castex"),
                           ("https://example.org/", "/speaker/Jean%20Castex"),
                           ("http://localhost/", "/speaker/Jean%20Castex")):
        with app.test_request_context("/", base_url=base):
            assert url_for("pages.speaker", name="Jean Castex") == expected
            assert url_for("pages.speaker", name="Jean Castex", _external=True) == \
                base.rstrip("/") + expected.removeprefix("/verbatim")


def test_a_function_the_title_gives_after_the_name_is_said_once(app):
    # a debate's turn: its title names the office (« … — Christiane Taubira, garde des
    # Sceaux »), and the speakers line beside it the name alone; any other title keeps it
    minister = {"name": "Christiane Taubira", "function": "garde des Sceaux"}
    with app.test_request_context("/"):
        line = app.jinja_env.globals["speakers_line"]
        turn = line([minister], "Mariage pour tous - Deuxième séance du mardi 29 janvier 2013 "
                                "— Christiane Taubira, garde des Sceaux")
        speech = line([minister], "Discours de Christiane Taubira sur le mariage pour tous")
    assert str(turn) == '<a href="/speaker/Christiane%20Taubira">Christiane Taubira</a>'
    assert str(speech).endswith('<span class="function">, garde des Sceaux</span>')
