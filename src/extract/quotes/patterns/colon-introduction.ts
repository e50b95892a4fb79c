import { firstSubject } from '../speaker-phrase.ts';
import { leadingScan } from './leading-scan.ts';
import type { QuotationPattern } from './unit.ts';

export const colonIntroduction: QuotationPattern = {
  name: 'colon-introduction',
  reads: 'quotation',
  matches: 'Coach Dan Riley looked back on the season: "…" (a clause without a speech verb, then a colon)',
  speaker: 'the subject of the introducing clause, when it is a person, an organization, a pronoun or a role',
  confidence: 0.92,
  examples: [
    {
      text: 'Skipper Nadia Okonjo looked back on the long season: “We never stopped believing in this crew.”',
      quote: 'We never stopped believing in this crew.',
      speaker: 'Nadia Okonjo',
    },
  ],
  attribute(index, w) {
    const scan = leadingScan(index, w);
    if (scan?.found !== 'nothing' || index.doc.tokens[scan.before]?.text !== ':') return null;
    const phrase = firstSubject(index, w.floor, scan.before);
    if (!phrase || (phrase.kind !== 'name' && phrase.kind !== 'pronoun' && phrase.kind !== 'role')) return null;
    if (phrase.kind === 'name' && phrase.mention?.kind !== 'person' && phrase.mention?.kind !== 'organization')
      return null;
    return { phrase, pattern: 'leading', cue: null };
  },
};
