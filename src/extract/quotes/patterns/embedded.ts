import { embedded as wovenIn } from '../embedded.ts';
import type { QuotationPattern } from './unit.ts';

export const embedded: QuotationPattern = {
  name: 'embedded',
  reads: 'quotation',
  matches:
    'X said it was a "mistake"  /  X called it "outrageous"  /  his claim that "…"  /  "…" that Y can win, said X',
  speaker: 'the subject of a speech or framing verb elsewhere in the sentence, or the owner of a statement noun',
  confidence: 0.75,
  examples: [
    {
      text: 'Mayor Ruth Calloway called the ruling “a gift to every landlord in town” on Monday.',
      quote: 'a gift to every landlord in town',
      speaker: 'Ruth Calloway',
    },
  ],
  attribute: wovenIn,
};
