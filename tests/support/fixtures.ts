// A small graph built from hand-annotated articles (written for these tests), stored through
// the real ingestion code. Offsets are computed from the text so the annotations stay honest.
import type { DatabaseHandle } from '../../src/db/client.ts';
import type { ExtractedArticle, ExtractedQuote, QuoteKind, SpeakerType } from '../../src/extract/types.ts';
import { ingestArticle } from '../../src/ingest/article.ts';

function quoteIn(
  body: string,
  text: string,
  speaker: { name: string; type: SpeakerType } | null,
  kind: QuoteKind,
  speakerLabel: string | null = speaker?.name ?? null,
): ExtractedQuote {
  const start = body.indexOf(text);
  if (start < 0) throw new Error(`fixture quote not in body: ${text}`);
  return { text, kind, speaker, speakerLabel, cue: 'said', start, end: start + text.length, confidence: 0.9 };
}

const marquez = { name: 'Elena Márquez', type: 'person' } as const;
const lindqvist = { name: 'Tomas Lindqvist', type: 'person' } as const;
const brennan = { name: 'Joe Brennan', type: 'person' } as const;
const harborAuthority = { name: 'Harbor Authority', type: 'organization' } as const;

const councilBody = [
  'The harbor council voted on Tuesday to back a tidal energy pilot off the north pier.',
  '"This is the right moment to try it," Mayor Elena Márquez said after the vote.',
  'Tomas Lindqvist, a Northfield University professor, called the plan "a careful first step" for the coast.',
  'A Harbor Authority spokeswoman said the pier would stay open to boats during the work.',
].join('\n\n');

export const councilArticle: ExtractedArticle = {
  title: 'Harbor council backs tidal pilot',
  dek: 'A vote on Tuesday clears the way for turbines off the north pier.',
  imageCaption: 'The north pier at dawn',
  body: councilBody,
  quotes: [
    quoteIn(councilBody, 'This is the right moment to try it,', marquez, 'direct', 'Mayor Elena Márquez'),
    quoteIn(councilBody, 'a careful first step', lindqvist, 'partial', 'Tomas Lindqvist'),
    quoteIn(
      councilBody,
      'the pier would stay open to boats during the work',
      harborAuthority,
      'indirect',
      'A Harbor Authority spokeswoman',
    ),
  ],
  people: [
    { name: 'Elena Márquez', aliases: ['Mayor Elena Márquez'], roles: ['Mayor'], mentions: 1, firstOffset: 110 },
    { name: 'Tomas Lindqvist', aliases: [], roles: ['professor'], mentions: 1, firstOffset: 170 },
  ],
  organizations: [
    { name: 'Northfield University', kind: 'university', aliases: [], mentions: 1, firstOffset: 190 },
    { name: 'Harbor Authority', kind: 'agency', aliases: [], mentions: 1, firstOffset: 270 },
  ],
  affiliations: [{ person: 'Tomas Lindqvist', organization: 'Northfield University', role: 'professor' }],
  relatedLinks: [
    { title: 'PHOTOS: The north pier through the years', url: null, kind: 'photos' },
    { title: 'What a tidal turbine looks like', url: 'https://example.test/turbines', kind: 'article' },
  ],
};

const fishermenBody = [
  'Fishermen packed the library hall on Thursday to question the turbine plan.',
  '"We want the survey before the steel goes in," said Joe Brennan, who leads the fishermen\'s association.',
  'Marquez said the survey would be published in full. "Nobody will be asked to take it on trust," she said.',
].join('\n\n');

export const fishermenArticle: ExtractedArticle = {
  title: 'Fishermen question turbine plan',
  dek: null,
  imageCaption: null,
  body: fishermenBody,
  quotes: [
    quoteIn(fishermenBody, 'We want the survey before the steel goes in,', brennan, 'direct', 'Joe Brennan'),
    quoteIn(
      fishermenBody,
      'the survey would be published in full',
      { name: 'Elena Marquez', type: 'person' },
      'indirect',
      'Marquez',
    ),
    quoteIn(
      fishermenBody,
      'Nobody will be asked to take it on trust,',
      { name: 'Elena Marquez', type: 'person' },
      'direct',
      'she',
    ),
  ],
  people: [
    { name: 'Joe Brennan', aliases: ['Brennan'], roles: [], mentions: 1, firstOffset: 120 },
    // Written without the accent, and by surname: resolution must find Elena Márquez.
    { name: 'Elena Marquez', aliases: ['Marquez'], roles: [], mentions: 2, firstOffset: 200 },
  ],
  organizations: [],
  affiliations: [],
  relatedLinks: [],
};

/** An article with many quotes by one speaker, for paging. */
export function briefingArticle(quoteCount: number): ExtractedArticle {
  const sentences = Array.from(
    { length: quoteCount },
    (_, i) => `"Answer number ${i + 1} is on the record," Márquez said.`,
  );
  const body = sentences.join('\n\n');
  return {
    title: 'The mayor answers questions',
    dek: null,
    imageCaption: null,
    body,
    quotes: sentences.map((_, i) =>
      quoteIn(body, `Answer number ${i + 1} is on the record,`, marquez, 'direct', 'Márquez'),
    ),
    people: [{ name: 'Elena Márquez', aliases: ['Márquez'], roles: [], mentions: quoteCount, firstOffset: 0 }],
    organizations: [],
    affiliations: [],
    relatedLinks: [],
  };
}

export const BRIEFING_QUOTES = 25;

/** Stores the three fixture articles, oldest first. */
export async function loadFixtureGraph(database: DatabaseHandle) {
  const council = await ingestArticle(database.db, councilArticle, {
    url: 'https://example.test/news/council',
    publishedAt: new Date('2026-01-10T09:00:00Z'),
    publisher: 'Test Gazette',
  });
  const fishermen = await ingestArticle(database.db, fishermenArticle, {
    url: 'https://example.test/news/fishermen',
    publishedAt: new Date('2026-02-01T12:00:00Z'),
    publisher: 'Coast Courier',
  });
  const briefing = await ingestArticle(database.db, briefingArticle(BRIEFING_QUOTES), {
    publishedAt: new Date('2026-03-01T08:00:00Z'),
    publisher: 'Test Gazette',
  });
  return { council, fishermen, briefing };
}
