import { speakerAfterVerb } from '../speaker-phrase.ts';
import { leadingScan } from './leading-scan.ts';
import type { QuotationPattern } from './unit.ts';

export const accordingBefore: QuotationPattern = {
  name: 'according-before',
  reads: 'quotation',
  matches: 'According to X, "…" (also "according to X" further back in the sentence, before a woven-in quotation)',
  speaker: 'the words after "according to"',
  confidence: 0.88,
  examples: [
    {
      text: 'According to Warden Ezra Holm, “the dunes have moved forty metres in ten years.”',
      quote: 'the dunes have moved forty metres in ten years.',
      speaker: 'Ezra Holm',
    },
  ],
  attribute(index, w) {
    const scan = leadingScan(index, w);
    if (scan?.found !== 'according') return null;
    const phrase = speakerAfterVerb(index, scan.at + 2, w.open);
    return phrase ? { phrase, pattern: 'according', cue: 'according to' } : null;
  },
};
