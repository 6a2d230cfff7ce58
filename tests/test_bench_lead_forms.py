"""The forms of `bench.quotes` written for session 49's rules, before the rules.

`led_more`: a lead's « Pour X, … » (the name, the surname, with the function) and a surname
after « Selon », « D'après »; `led_loose`: a lead's frames, the words misremembered;
`rubric_alone`: a headline's topic alone before the words (« Dette : « … » »), from a list of
topics none of `rubric`'s; `media_headed`: who said it, then the newspaper (« Olivier Véran :
Libération « … » »). Session 51's `named_dash` and `rubric_dash`: who said it or a topic, then
a full stop or a dash (« Olivier Véran – « … » », « Déficit. « … » »). Session 52's
`capitals_dash`: who said it in capitals, then a dash (« VÉRAN – « … » »). Session 53's
`labelled`: a press label or an agency, any separator (« AFP : « … » », « ZOOM - « … » »);
`named_topic`: who said it, then a subject's keyword (« Véran retraites : « … » »).
"""

import random
import re

from bench.quote_variants import (
    AGENCIES,
    ALONE_TOPICS,
    DASH_TOPICS,
    LABEL_RUBRICS,
    LABEL_SOURCES,
    MEDIA,
    NAMED_TOPICS,
    RUBRIC_TOPICS,
    Vocabulary,
    capitals_dash,
    labelled,
    led_loose,
    led_more,
    media_headed,
    named_dash,
    named_topic,
    rubric_alone,
    rubric_dash,
)

PASSAGE = "Je vous recommande, dans toute la mesure du possible, le télétravail à l'été."
WORDS = PASSAGE.rstrip(".")
LOWERED = WORDS[:1].lower() + WORDS[1:]
VOCABULARY = Vocabulary.from_texts([PASSAGE, "Nous conseillons partout le travail chez soi "
                                    "en hiver, dans la limite du raisonnable."])


def test_a_lead_says_pour_or_the_surname():
    pasted = {led_more(PASSAGE, "M. Olivier Véran", "ministre de la santé, porte-parole",
                       random.Random(seed)) for seed in range(200)}
    assert pasted == {f"Pour Olivier Véran, {WORDS}", f"Pour Véran, {LOWERED}",
                      f"Selon Véran, {LOWERED}", f"D'après Véran, {WORDS}",
                      f"Pour Olivier Véran, ministre de la santé, {LOWERED}"}
    assert led_more(PASSAGE, None, None, random.Random(1)) == f"Pour lui, {LOWERED}"


def test_a_lead_before_words_misremembered():
    pasted = {led_loose(PASSAGE, "M. Olivier Véran", None, VOCABULARY, random.Random(seed),
                        random.Random(seed)) for seed in range(200)}
    leads = {p.split(",")[0].split(" :")[0] for p in pasted}
    assert {"Selon Olivier Véran", "D'après Olivier Véran", "Comme l'a dit Olivier Véran",
            "Comme le rappelait Olivier Véran", "Pour Olivier Véran", "Pour Véran"} <= leads
    assert not any(p.endswith(WORDS) or p.endswith(LOWERED) for p in pasted)  # changed
    assert not any(mark in p for p in pasted for mark in "«»“”\"")


def test_a_topic_alone_before_the_words():
    pasted = {rubric_alone(PASSAGE, random.Random(seed)) for seed in range(300)}
    topics = "|".join(re.escape(t) for t in ALONE_TOPICS)
    assert all(re.fullmatch(rf"(?:{topics})(?: :|\.| -) [«“\"].+[»”\"]", p) for p in pasted)
    assert not set(ALONE_TOPICS) & set(RUBRIC_TOPICS)


def test_who_said_it_then_the_newspaper():
    pasted = {media_headed(PASSAGE, "M. Olivier Véran", random.Random(seed))
              for seed in range(300)}
    media = "|".join(re.escape(m) for m in MEDIA)
    for framing in (rf"Olivier Véran : (?:{media}) [«“\"].+", rf"Véran : (?:{media}) [«“\"].+",
                    rf"Olivier Véran : (?:{media}) : [«“\"].+"):
        assert any(re.fullmatch(framing, p) for p in pasted), framing


def test_who_said_it_or_a_topic_then_a_full_stop_or_a_dash():
    """`named_dash` and `rubric_dash` (session 51), written before the rule reading them."""
    named = {named_dash(PASSAGE, "M. Olivier Véran", random.Random(seed)) for seed in range(300)}
    for framing in (rf"(?:Olivier )?Véran{dash} [«“\"].+" for dash in (r"\.", " -", " –", " —")):
        assert any(re.fullmatch(framing, p) for p in named), framing
    topics = "|".join(re.escape(t) for t in DASH_TOPICS)
    alone = {rubric_dash(PASSAGE, random.Random(seed)) for seed in range(300)}
    assert all(re.fullmatch(rf"(?:{topics})(?:\.| -| –| —) [«“\"].+[»”\"]", p) for p in alone)
    assert re.fullmatch(rf"(?:{topics})(?:\.| -| –| —) [«“\"].+",
                        named_dash(PASSAGE, None, random.Random(1)))
    assert not set(DASH_TOPICS) & (set(RUBRIC_TOPICS) | set(ALONE_TOPICS))


def test_who_said_it_in_capitals_then_a_dash():
    """`capitals_dash` (session 52), written before the rule reading it: the surname or the
    whole name in capitals, then a hyphen, an en or an em dash; an agency's label when the
    record names nobody."""
    pasted = {capitals_dash(PASSAGE, "M. Olivier Véran", random.Random(seed))
              for seed in range(300)}
    for framing in (rf"(?:OLIVIER )?VÉRAN{dash} [«“\"].+" for dash in (" -", " –", " —")):
        assert any(re.fullmatch(framing, p) for p in pasted), framing
    assert not any(p.startswith("VÉRAN.") for p in pasted)  # no full stop: `named_dash`'s
    agencies = "|".join(re.escape(a) for a in AGENCIES)
    unnamed = {capitals_dash(PASSAGE, None, random.Random(seed)) for seed in range(300)}
    assert all(re.fullmatch(rf"(?:{agencies})(?: -| –| —) [«“\"].+[»”\"]", p) for p in unnamed)
    assert {"AFP", "Reuters"} <= {p.split()[0] for p in unnamed}


def test_a_press_label_or_an_agency_whatever_the_separator():
    """`labelled` (session 53), written before the rule reading it: an agency's, a
    newspaper's name or a rubric in capitals, then a colon, a full stop or a dash."""
    pasted = {labelled(PASSAGE, random.Random(seed)) for seed in range(300)}
    labels = "|".join(re.escape(label) for label in LABEL_SOURCES + LABEL_RUBRICS)
    assert all(re.fullmatch(rf"(?:{labels})(?: :|\.| -| –) [«“\"].+[»”\"]", p) for p in pasted)
    for framing in ("AFP : ", "ZOOM - ", "Le Monde. "):
        assert any(p.startswith(framing) for p in pasted), framing


def test_who_said_it_then_a_keyword_of_the_subject():
    """`named_topic` (session 53), written before the rule reading it."""
    pasted = {named_topic(PASSAGE, "M. Olivier Véran", random.Random(seed))
              for seed in range(300)}
    topics = "|".join(re.escape(t) for t in NAMED_TOPICS)
    assert all(re.fullmatch(rf"(?:Olivier )?Véran (?:{topics}) : [«“\"].+", p) for p in pasted)
    assert any(p.startswith("Olivier Véran ") for p in pasted)
    assert re.fullmatch(r"[A-ZÀ-Ý][^:]+ : [«“\"].+", named_topic(PASSAGE, None, random.Random(1)))
