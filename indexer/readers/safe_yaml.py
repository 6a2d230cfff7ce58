"""YAML for front matter and sidecar files: `yaml.safe_load` without aliases."""

from __future__ import annotations

from typing import Any

import yaml


class AliasRefused(yaml.YAMLError):
    """A YAML text using an alias (``*name``)."""


class _NoAliasLoader(yaml.SafeLoader):
    """`yaml.SafeLoader` refusing aliases.

    safe_load builds a "billion laughs" (anchors of lists of aliases of anchors…) as shared
    references in a few bytes of memory, but anything that then walks or prints the value (a
    list of authors joined into a string, a repr in an error message, a JSON dump) expands it
    exponentially. No front matter or column mapping needs aliases, so none is built.
    """

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            raise AliasRefused("alias YAML refusé")
        return super().compose_node(parent, index)


def load_yaml(source: str) -> Any:
    """Return the value of a YAML text as `yaml.safe_load` would, but refusing aliases.

    Raises `yaml.YAMLError` (`AliasRefused` for an alias).

    >>> load_yaml("title: Communiqué")
    {'title': 'Communiqué'}
    """
    return yaml.load(source, Loader=_NoAliasLoader)
