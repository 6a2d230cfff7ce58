"""Who said a quotation: `Attributor(text, spans, context).attribute(span)` gives each
quotation of a text, in order, an `Attribution` (speaker, function, the cue read, its
strength); `Context` is what it knows of the document (mentions, turns, the speech's speaker).
`indexer.extract.quotes` runs it over a text and may let `indexer.extract.ranker` choose again.

Attributing them, strongest cue first: the verb after the quote (`« … », a-t-il ajouté`,
`« … » déclare Antoine Deltour`, `…, voilà les propos de X`); `selon X,` / `pour X,` /
`d'après X,` before it; a verb of speech before it and the subject of its clause
(`Antoine Deltour a déclaré que « … »`, `Elisabeth BORNE, dans un entretien, a dit «`);
the subject heading the sentence (`Me Bourdon se lève « pour défendre … »`); a pronoun
(`selon lui`, `il estime que`) resolved to the person last in focus — the last named subject
or the last quotation's speaker; a quotation following another one in the same sentence; in
transcripts, the speaker of the turn (`vous le dites dans ce livre, « … »` in a journalist's
question goes to the interviewee); in a speech, its speaker.

The `Attributor` is one class made of parts, each a module named for the family of cues it
reads (each part is a mixin: its methods take the whole `Attributor` as `self` and call one
another's freely; the patterns they read are `indexer.extract.speech_cues`, as `cues`):

- `decide`: the `Attributor` itself and `attribute`, the order in which the rules are tried
  and what is left to the turn's or the speech's speaker, or to nobody;
- `context`: `Context`, `Attribution`, and `Reading`, what is read once and remembered while
  walking the text (mentions, sentences and paragraphs, the last quotation, who was quoted);
- `cue_words`: the cue right after the words (`« … », a-t-il ajouté`) or before them
  (`selon X,`, `ces propos`, a text named, a recording played);
- `speech_verbs`: a verb of speech before the words and who its subject is;
- `authors`: names and functions, who a mention stands for (`le Premier ministre
  britannique, M. David Cameron`), a name no mention holds (`comme l'écrivait Montesquieu`);
- `focus`: who « il » or « elle » stands for, the person in focus in a communiqué's or a
  report's account (`Il rappelle d'ailleurs que …`) or in a turn;
- `interviews`: interviews and journalists' turns, the guest addressed (`vous avez dit`),
  words taken up from the guest's reply, the person called before a « vous »;
- `citations`: citations of works and famous words (`comme le disait Jaurès`, `je cite`,
  `ce magnifique livre de Léon Blum … : « … »`), texts read out and their authors;
- `debates`: debates' turns, where words no cue gives are nobody known: words read on,
  named after them, given back to the colleague addressed, going on over paragraphs.
"""

from indexer.extract.attribution.context import Attribution, Context, Participants
from indexer.extract.attribution.decide import Attributor

__all__ = ["Attribution", "Attributor", "Context", "Participants"]
