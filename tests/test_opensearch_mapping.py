"""The mapping's tokenizer pattern (`indexer.opensearch_mapping.word_pattern`) splits words as
`indexer.analysis` does, with fewer ranges for the cluster to build its automaton from."""

import re
import unicodedata

from indexer.analysis import WORD_PATTERN
from indexer.opensearch_mapping import word_pattern


def _class_and_pattern() -> tuple[re.Pattern, re.Pattern]:
    pattern = word_pattern()
    word = pattern[:pattern.index("]") + 1]
    # Lucene's syntax for these classes and this pattern is Python's (ends are word characters)
    return re.compile(word), re.compile(pattern)


def test_the_word_class_is_python_s_on_every_assigned_character():
    word, _ = _class_and_pattern()
    differ = [point for point in range(0x110000)
              if not 0xD800 <= point <= 0xDFFF
              and bool(word.fullmatch(chr(point))) != bool(re.fullmatch(r"\w", chr(point)))]
    assert differ, "ranges are merged over unassigned code points"
    assert {unicodedata.category(chr(point)) for point in differ} == {"Cn"}
    assert word.pattern.count("-") < 400  # 734 ranges unmerged


def test_the_pattern_finds_the_words_of_indexer_analysis():
    _, pattern = _class_and_pattern()
    texts = ["L’État de droit, aujourd'hui’’ l'' ‘a ʼb´c d'e'f g''h i’ ’j", "ﬁn_1 x²y Ⅻ",
             "déjà-vu : « c'est » 2024 l’Assemblée’s ' ''", "a' 'b ' a'b' 'a'b"]
    for text in texts:
        assert [m.group() for m in pattern.finditer(text)] == \
            [m.group() for m in WORD_PATTERN.finditer(text)], text
