import { nameOnly } from '../explicit.ts';
import { leadingScan } from './leading-scan.ts';
import type { QuotationPattern } from './unit.ts';

const SOURCE_NOUNS = new Set([
  'post',
  'statement',
  'tweet',
  'letter',
  'email',
  'e-mail',
  'memo',
  'message',
  'speech',
  'remarks',
  'website',
  'blog',
  'op-ed',
  'column',
  'book',
  'interview',
  'response',
  'reply',
  'note',
  'account',
  'page',
  'video',
  'announcement',
  'essay',
  'testimony',
]);

export const possessiveSource: QuotationPattern = {
  name: 'possessive-source',
  reads: 'quotation',
  matches: 'From X\'s statement: "…" (a colon after a possessive name and a statement noun)',
  speaker: 'the owner of the statement, post or letter',
  confidence: 0.92,
  examples: [
    {
      text: 'From Minister Jonas Pirelli’s statement: “The harbour will stay public.”',
      quote: 'The harbour will stay public.',
      speaker: 'Jonas Pirelli',
    },
  ],
  attribute(index, w) {
    const scan = leadingScan(index, w);
    if (scan?.found !== 'nothing' || index.doc.tokens[scan.before]?.text !== ':') return null;
    const { tokens } = index.doc;
    const colon = scan.before;
    for (let k = colon - 1; k >= w.floor && colon - k <= 6; k--) {
      const m = index.mentionEndingAt.get(k);
      if (!m?.possessive || m.inQuote) continue;
      const after = tokens.slice(m.endToken, colon).map((t) => t.lower);
      if (!after.some((word) => SOURCE_NOUNS.has(word))) return null;
      return { phrase: nameOnly(index, m), pattern: 'leading', cue: null };
    }
    return null;
  },
};
