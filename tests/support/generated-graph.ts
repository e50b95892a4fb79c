// Generated test graphs for the property tests (tests/properties): fast-check draws a plan —
// organisation trees, people with aliases and several affiliations each, articles whose dates
// run from year 1 to 9999 and tie with each other, quotes spoken by people and by
// organizations, related links — and `storeGeneratedGraph` writes it through the public
// mutations (people, organizations, affiliations, quotes, links) and the ingest layer
// (articles, with the mentions only ingestion records). Names are drawn from small pools so
// every sort key has ties.
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { ingestArticle } from '../../src/ingest/article.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import type { App } from '../../src/server.ts';
import { execute } from './app.ts';

export const PERSON_NAMES = ['Ana Lima', 'Ana Lima', 'Bo Chen', 'Chidi Okafor', 'Dana Weiss', 'Émile Roux'] as const;
export const ORGANIZATION_NAMES = [
  'Harbor Authority',
  'Harbor Authority',
  'City Council',
  'Northfield University',
  'Tidal Power Co',
] as const;
export const PUBLISHER_NAMES = ['Test Gazette', 'Coast Courier', 'Daily Ledger'] as const;
/** Publication dates: the ends of the calendar, years below 100, and repeats (ties). */
export const DATES = [
  '0001-01-01T00:00:00.000Z',
  '0001-03-01T00:00:00.000Z',
  '0099-12-31T23:59:59.999Z',
  '0100-01-01T00:00:00.000Z',
  '1969-12-31T23:59:59.999Z',
  '1970-01-01T00:00:00.000Z',
  '2026-01-10T09:00:00.000Z',
  '2026-01-10T09:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
] as const;
export const ORGANIZATION_KINDS = ['company', 'government', 'agency', 'university', 'other'] as const;
export const QUOTE_KINDS = ['DIRECT', 'PARTIAL', 'INDIRECT'] as const;
export const LINK_KINDS = ['ARTICLE', 'PHOTOS', 'VIDEO', 'OTHER'] as const;
const ROLES = ['spokesman', 'professor', 'chair', null] as const;
const WORDS = ['turbine', 'harbor', 'survey', 'council', 'vote', 'pier', 'energy', 'steel', 'trust', 'boats'] as const;

export interface GraphPlan {
  people: { name: string; aliases: string[] }[];
  /** parent: index of an earlier organization, so the parents form trees. */
  organizations: {
    name: string;
    kind: (typeof ORGANIZATION_KINDS)[number];
    parent: number | null;
    aliases: string[];
  }[];
  affiliations: { person: number; organization: number; role: string | null }[];
  articles: {
    publishedAt: string | null;
    publisher: number | null;
    sentences: string[];
    mentionsPeople: number[];
    mentionsOrganizations: number[];
    /** Each quote is one whole sentence; speaker: a person, an organization, or nobody. */
    quotes: {
      sentence: number;
      kind: (typeof QUOTE_KINDS)[number];
      speaker: { person: number } | { organization: number } | null;
    }[];
    links: { title: string; kind: (typeof LINK_KINDS)[number] }[];
  }[];
}

const sentence = fc
  .array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 5 })
  .map((words) => `${words.join(' ')}.`.replace(/^./, (c) => c.toUpperCase()));

export const graphPlan: fc.Arbitrary<GraphPlan> = fc
  .record({
    people: fc.array(
      fc.record({
        name: fc.constantFrom(...PERSON_NAMES),
        aliases: fc.subarray(['Lima', 'Chen', 'The Mayor', 'Okafor']),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    organizations: fc.array(
      fc.record({
        name: fc.constantFrom(...ORGANIZATION_NAMES),
        kind: fc.constantFrom(...ORGANIZATION_KINDS),
        parentChoice: fc.nat(),
        hasParent: fc.boolean(),
        aliases: fc.subarray(['HA', 'NU', 'The Council']),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    articleCount: fc.integer({ min: 1, max: 6 }),
    seeds: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
    articles: fc.array(
      fc.record({
        publishedAt: fc.option(fc.constantFrom(...DATES), { freq: 5 }),
        publisherChoice: fc.option(fc.nat({ max: PUBLISHER_NAMES.length - 1 }), { freq: 4 }),
        sentences: fc.array(sentence, { minLength: 1, maxLength: 5 }),
        mentionPeople: fc.array(fc.nat(), { maxLength: 3 }),
        mentionOrganizations: fc.array(fc.nat(), { maxLength: 2 }),
        quotes: fc.array(
          fc.record({
            sentence: fc.nat(),
            kind: fc.constantFrom(...QUOTE_KINDS),
            speaker: fc.oneof(
              fc.constant(null),
              fc.record({ person: fc.nat() }),
              fc.record({ organization: fc.nat() }),
            ),
          }),
          { maxLength: 4 },
        ),
        links: fc.array(fc.record({ title: sentence, kind: fc.constantFrom(...LINK_KINDS) }), { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    affiliations: fc.array(fc.record({ person: fc.nat(), organization: fc.nat(), role: fc.constantFrom(...ROLES) }), {
      maxLength: 8,
    }),
  })
  .map(({ people, organizations, articles, affiliations }) => {
    const person = (n: number) => n % people.length;
    const organization = (n: number) => n % organizations.length;
    return {
      people,
      organizations: organizations.map(({ name, kind, parentChoice, hasParent, aliases }, index) => ({
        name,
        kind,
        aliases,
        parent: hasParent && index > 0 ? parentChoice % index : null,
      })),
      affiliations: affiliations.map((a) => ({
        person: person(a.person),
        organization: organization(a.organization),
        role: a.role,
      })),
      articles: articles.map((article) => {
        // One quote per sentence at most: (article, position) is a quote's place.
        const quoted = new Map<number, GraphPlan['articles'][number]['quotes'][number]>();
        for (const quote of article.quotes) {
          const at = quote.sentence % article.sentences.length;
          if (quoted.has(at)) continue;
          quoted.set(at, {
            sentence: at,
            kind: quote.kind,
            speaker:
              quote.speaker === null
                ? null
                : 'person' in quote.speaker
                  ? { person: person(quote.speaker.person) }
                  : { organization: organization(quote.speaker.organization) },
          });
        }
        return {
          publishedAt: article.publishedAt,
          publisher: article.publisherChoice,
          sentences: article.sentences,
          mentionsPeople: [...new Set(article.mentionPeople.map(person))],
          mentionsOrganizations: [...new Set(article.mentionOrganizations.map(organization))],
          quotes: [...quoted.values()],
          links: article.links,
        };
      }),
    };
  });

/** What was stored: global IDs of everything, and the values operations can draw on. */
export interface StoredGraph {
  ids: Record<'Article' | 'Quote' | 'Person' | 'Organization' | 'Affiliation' | 'RelatedLink' | 'Publisher', string[]>;
  slugs: { Article: string[]; Person: string[]; Organization: string[]; Publisher: string[] };
  urls: string[];
  names: string[];
  words: string[];
}

let graphCounter = 0;

async function mutate(app: App, token: string, source: string, variables: Record<string, unknown>) {
  const result = await execute(app, source, variables, { authorization: `Bearer ${token}` });
  if (result.errors?.length) throw new Error(`setup failed: ${JSON.stringify(result.errors)} for ${source}`);
  return result.data as Record<string, any>;
}

/** Writes the plan into the (empty) database behind `app`; `token` must have write access. */
export async function storeGeneratedGraph(
  database: DatabaseHandle,
  app: App,
  token: string,
  plan: GraphPlan,
): Promise<StoredGraph> {
  graphCounter += 1;
  const stored: StoredGraph = {
    ids: { Article: [], Quote: [], Person: [], Organization: [], Affiliation: [], RelatedLink: [], Publisher: [] },
    slugs: { Article: [], Person: [], Organization: [], Publisher: [] },
    urls: [],
    names: [...PERSON_NAMES, ...ORGANIZATION_NAMES, 'lima', 'HARBOR AUTHORITY', 'emile roux', 'nobody at all'],
    words: [...WORDS, 'nothing'],
  };
  const people: string[] = [];
  for (const person of plan.people) {
    const data = await mutate(
      app,
      token,
      'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id slug } } }',
      {
        input: { name: person.name, aliases: person.aliases },
      },
    );
    people.push(data.createPerson.person.id);
    stored.slugs.Person.push(data.createPerson.person.slug);
  }
  const organizations: string[] = [];
  for (const organization of plan.organizations) {
    const data = await mutate(
      app,
      token,
      'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id slug } } }',
      {
        input: {
          name: organization.name,
          kind: organization.kind.toUpperCase(),
          aliases: organization.aliases,
          parent: organization.parent === null ? null : organizations[organization.parent],
        },
      },
    );
    organizations.push(data.createOrganization.organization.id);
    stored.slugs.Organization.push(data.createOrganization.organization.slug);
  }
  for (const affiliation of plan.affiliations) {
    const data = await mutate(
      app,
      token,
      'mutation($input: CreateAffiliationInput!) { createAffiliation(input: $input) { affiliation { id } } }',
      {
        input: {
          person: people[affiliation.person],
          organization: organizations[affiliation.organization],
          role: affiliation.role,
        },
      },
    );
    stored.ids.Affiliation.push(data.createAffiliation.affiliation.id);
  }
  for (const [index, article] of plan.articles.entries()) {
    const body = article.sentences.join(' ');
    const url = index % 2 === 0 ? `https://example.test/generated/${graphCounter}/${index}` : null;
    const ingested = await ingestArticle(
      database.db,
      {
        title: `Report ${index}: ${article.sentences[0]}`,
        dek: null,
        imageCaption: null,
        body,
        quotes: [],
        people: article.mentionsPeople.map((p) => ({
          name: plan.people[p]!.name,
          aliases: [],
          roles: [],
          mentions: 1,
          firstOffset: 0,
        })),
        organizations: article.mentionsOrganizations.map((o) => ({
          name: plan.organizations[o]!.name,
          kind: plan.organizations[o]!.kind,
          aliases: [],
          mentions: 1,
          firstOffset: 0,
        })),
        affiliations: [],
        relatedLinks: [],
      },
      {
        url,
        publishedAt: article.publishedAt === null ? null : new Date(article.publishedAt),
        publisher: article.publisher === null ? null : PUBLISHER_NAMES[article.publisher],
      },
    );
    const articleId = Buffer.from(`Article:${ingested.articleId}`).toString('base64');
    stored.ids.Article.push(articleId);
    if (url) stored.urls.push(url);
    // Ingestion may have made people or organizations of its own for names it could not match.
    for (const id of ingested.personIds) {
      const global = Buffer.from(`Person:${id}`).toString('base64');
      if (!people.includes(global) && !stored.ids.Person.includes(global)) stored.ids.Person.push(global);
    }
    for (const id of ingested.organizationIds) {
      const global = Buffer.from(`Organization:${id}`).toString('base64');
      if (!organizations.includes(global) && !stored.ids.Organization.includes(global))
        stored.ids.Organization.push(global);
    }
    const offsets = article.sentences.map((_, i) => article.sentences.slice(0, i).join(' ').length + (i ? 1 : 0));
    for (const quote of article.quotes) {
      const text = article.sentences[quote.sentence]!;
      const speaker =
        quote.speaker === null
          ? null
          : 'person' in quote.speaker
            ? people[quote.speaker.person]
            : organizations[quote.speaker.organization];
      const data = await mutate(
        app,
        token,
        'mutation($input: CreateQuoteInput!) { createQuote(input: $input) { quote { id } } }',
        {
          input: {
            article: articleId,
            text,
            kind: quote.kind,
            startOffset: offsets[quote.sentence],
            endOffset: offsets[quote.sentence]! + text.length,
            speaker,
            speakerLabel: speaker ? 'a speaker' : null,
          },
        },
      );
      stored.ids.Quote.push(data.createQuote.quote.id);
    }
    for (const link of article.links) {
      const data = await mutate(
        app,
        token,
        'mutation($input: CreateRelatedLinkInput!) { createRelatedLink(input: $input) { relatedLink { id } } }',
        { input: { article: articleId, title: link.title, kind: link.kind, url: null } },
      );
      stored.ids.RelatedLink.push(data.createRelatedLink.relatedLink.id);
    }
  }
  stored.ids.Person.push(...people);
  stored.ids.Organization.push(...organizations);
  // Slugs and publishers as the API reports them.
  const listed = await execute(app, '{ articles(first: 100) { nodes { slug publisher { id slug } } } }');
  for (const node of (listed.data as any).articles.nodes) {
    stored.slugs.Article.push(node.slug);
    if (node.publisher && !stored.ids.Publisher.includes(node.publisher.id)) {
      stored.ids.Publisher.push(node.publisher.id);
      stored.slugs.Publisher.push(node.publisher.slug);
    }
  }
  return stored;
}

/** Empties the graph between generated cases (the test database is the test file's own). */
export async function clearGraph(database: DatabaseHandle): Promise<void> {
  await database.db.execute(
    sql.raw(
      'truncate table quotes, related_links, mentions, affiliations, articles, people, organizations, publishers restart identity cascade',
    ),
  );
}

/**
 * A graph where a wrong join or order cannot go unseen: organisation trees three levels deep
 * whose siblings share names (so `children` order needs its id tie-break), every person holding
 * several roles, articles that tie on their publication date, and every speaker quoted more
 * than once. Fixed, so every run compares the same rows.
 */
export function treeGraphPlan(): GraphPlan {
  const tie = '2026-01-10T09:00:00.000Z';
  const org = (name: string, parent: number | null, kind: (typeof ORGANIZATION_KINDS)[number] = 'agency') => ({
    name,
    kind,
    parent,
    aliases: [],
  });
  return {
    people: PERSON_NAMES.map((name, i) => ({ name, aliases: i % 2 ? ['Lima'] : [] })),
    organizations: [
      org('City Council', null, 'government'), // 0: root of the first tree
      org('Harbor Authority', 0), // 1
      org('Harbor Authority', 0), // 2: ties its sibling by name
      org('Tidal Power Co', 1, 'company'), // 3: grandchild
      org('Northfield University', 1, 'university'), // 4
      org('City Council', 3), // 5: great-grandchild, same name as the root
      org('Northfield University', null, 'university'), // 6: root of the second tree
      org('Harbor Authority', 6), // 7
      org('Coast Board', null, 'other'), // 8: alone
    ],
    affiliations: [
      ...PERSON_NAMES.flatMap((_, person) => [
        { person, organization: person % 9, role: 'chair' },
        { person, organization: (person * 2 + 1) % 9, role: null },
        { person, organization: (person + 4) % 9, role: 'spokesman' },
      ]),
      { person: 0, organization: 1, role: 'professor' },
    ],
    articles: Array.from({ length: 7 }, (_, a) => ({
      publishedAt: a === 6 ? null : a % 3 === 0 ? DATES[0] : tie,
      publisher: a % 4 === 3 ? null : a % 2,
      sentences: [
        'Harbor vote steel.',
        'Turbine energy trust.',
        'Council pier boats.',
        'Survey steel harbor.',
        'Energy vote.',
      ],
      mentionsPeople: [a % PERSON_NAMES.length],
      mentionsOrganizations: [(a * 2) % 9],
      quotes: Array.from({ length: 4 }, (_, q) => ({
        sentence: q,
        kind: QUOTE_KINDS[(a + q) % 3]!,
        speaker:
          q === 3 ? null : (a + q) % 2 ? { person: (a + q) % PERSON_NAMES.length } : { organization: (a * q + 1) % 9 },
      })),
      links:
        a % 2
          ? [
              { title: 'Harbor vote.', kind: 'ARTICLE' as const },
              { title: 'Harbor vote.', kind: 'PHOTOS' as const },
            ]
          : [],
    })),
  };
}
