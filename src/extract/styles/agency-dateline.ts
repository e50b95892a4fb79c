import type { DatelineStyle } from './unit.ts';

export const agencyDateline: DatelineStyle = {
  name: 'agency-dateline',
  kind: 'dateline',
  describes: 'a town, a date and an agency in brackets, no dash: "Pune, Mar 4 (PTI)", "Lagos, March 9 (NAN)"',
  examples: [
    // Unread, the dateline paragraph would pass for the headline.
    {
      text: 'Pune, Mar 4 (PTI) Transport minister Anil Deshmukh said the fares would rise.\n\nThe opposition said the rise was unfair to students.',
      quote: 'the fares would rise',
      speaker: 'Anil Deshmukh',
    },
  ],
  marks: ['('],
  opening: /^\p{Lu}[\p{L}.'’ -]{1,40},\s*\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}\s*\(\p{Lu}[\p{L}-]{1,12}\)/u,
};
