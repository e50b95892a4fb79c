import { cueText } from '../explicit.ts';
import { firstSubject, subjectBefore } from '../speaker-phrase.ts';
import { leadingScan } from './leading-scan.ts';
import type { QuotationPattern } from './unit.ts';

export const leading: QuotationPattern = {
  name: 'leading',
  reads: 'quotation',
  matches: 'X said: "…"  /  X told reporters, "…"  /  …, adding, "…" (a speech verb before the opening mark)',
  speaker: 'the subject of that verb; for a participle ("adding"), the subject of the sentence',
  confidence: 0.92,
  examples: [
    {
      text: 'Harbourmaster Ilse Brandt said: “No boat leaves before the storm passes.”',
      quote: 'No boat leaves before the storm passes.',
      speaker: 'Ilse Brandt',
    },
    {
      text: 'Coach Delia Frost told reporters, “We were second best all night.”',
      quote: 'We were second best all night.',
      speaker: 'Delia Frost',
    },
  ],
  attribute(index, w) {
    const scan = leadingScan(index, w);
    if (scan?.found !== 'cue') return null;
    const { tokens } = index.doc;
    const c = scan.at;
    // A participle's subject is the sentence's, which may stand before an earlier quotation in it.
    const phrase = index.doc.language.cues.speechCue(tokens[c]?.lower ?? '')?.participle
      ? firstSubject(index, w.sentenceFirst, c)
      : subjectBefore(index, c, w.floor);
    return phrase ? { phrase, pattern: 'leading', cue: cueText(tokens, c) } : null;
  },
};
