import { findSingleQuotedStretches, opensWithSingleQuote, quotesWithSingleMarks } from '../text/single-quotes.ts';
import type { QuoteMarkStyle } from './unit.ts';

export const singleMarks: QuoteMarkStyle = {
  name: 'single-marks',
  kind: 'quote-marks',
  describes:
    '‘…’ or \'…\' as the primary quotation marks (many British, Irish and Australian outlets), "…" within them',
  examples: [
    {
      text: 'Bypass shelved\n\nThe council leader said the bypass was off.\n\n‘We didn’t choose this, and I won’t pretend otherwise,’ said Margaret Hale.',
      quote: 'We didn’t choose this, and I won’t pretend otherwise,',
      speaker: 'Margaret Hale',
    },
    {
      text: "Harbour row\n\n'We'll take the nets to Brussels if we have to,' said Seán Walsh of the fishermen's co-operative.",
      quote: "We'll take the nets to Brussels if we have to,",
      speaker: 'Seán Walsh',
    },
  ],
  usedBy: quotesWithSingleMarks,
  spans: findSingleQuotedStretches,
  opensWithQuote: opensWithSingleQuote,
};
