// The five workloads, each as the same question put to the three systems, with a normaliser
// per system that turns its answer into one canonical shape for comparison.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { lookupKey } from '../../src/db/lookup.ts';
import { Random, ZipfSampler } from '../../src/generate/index.ts';
import { SPEAKER_POPULARITY_EXPONENT } from '../../src/generate/index.ts';
import { topics } from '../../src/generate/phrases.ts';

/** What the workloads draw their parameters from: a generated dataset's size, ids and speakers. */
export interface DatasetInfo {
  scale: number;
  seed: number;
  articles: number;
  quotes: number;
  articleIds: { min: number; max: number };
  /** People by popularity rank (0 = most quoted by construction), with their database ids. */
  people: { id: number; name: string; surname: string }[];
}

export type SystemId = 'limit' | 'quotegraph' | 'postgraphile';
export type WorkloadId = 'W1' | 'W2' | 'W3' | 'W4' | 'W5';

export interface Params {
  articleId?: number;
  personId?: number;
  search?: string;
  speakerName?: string;
}

export interface Workload {
  id: WorkloadId;
  title: string;
  /** The request body each system receives for these parameters. */
  body: Record<SystemId, (params: Params) => unknown>;
  /** The system's JSON answer → the canonical shape. */
  normalise: Record<SystemId, (json: any) => unknown>;
}

type Json = any;

const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());
const lower = (value: string | null) => (value === null ? null : value.toLowerCase());
const graphql = (query: string, variables: Record<string, unknown> = {}) => ({ query, variables });
/** GraphQL errors become a canonical error value, so they show up as mismatches. */
function dataOf(json: Json, field: string): Json {
  if (json?.errors?.length) return { graphqlErrors: json.errors.map((error: Json) => error.message) };
  return json?.data?.[field];
}
const speakerName = (person: Json, organization: Json) => person?.name ?? organization?.name ?? null;

const W1: Workload = {
  id: 'W1',
  title:
    "article by id: title, dek, its first 10 quotes in reading order with speaker, the speaker's affiliations (role, organization name), related links; no counts",
  body: {
    limit: (p) => ({ w: 'W1', v: p }),
    quotegraph: (p) =>
      graphql(
        `query W1($id: ID!) { article(id: $id) { title dek
          quotes(first: 10) { nodes { text kind speaker { __typename
            ... on Person { name affiliations { role organization { name } } }
            ... on Organization { name } } } }
          relatedLinks { title url kind } } }`,
        { id: encodeGlobalID('Article', p.articleId!) },
      ),
    postgraphile: (p) =>
      graphql(
        `query W1($id: Int!) { articleByRowId(rowId: $id) { title dek
          quotesByArticleId(first: 10, orderBy: POSITION_ASC) { nodes { text kind
            personBySpeakerPersonId { name affiliationsByPersonId(orderBy: PRIMARY_KEY_ASC) { nodes { role organizationByOrganizationId { name } } } }
            organizationBySpeakerOrganizationId { name } } }
          relatedLinksByArticleId(orderBy: POSITION_ASC) { nodes { title url kind } } } }`,
        { id: p.articleId },
      ),
  },
  normalise: {
    limit: (a: Json) =>
      a && {
        title: a.title,
        dek: a.dek,
        quotes: a.quotes.map((q: Json) => ({
          text: q.text,
          kind: lower(q.kind),
          speaker: q.person
            ? { name: q.person.name, affiliations: q.person.affiliations }
            : q.organization
              ? { name: q.organization.name }
              : null,
        })),
        links: a.links.map((l: Json) => ({ title: l.title, url: l.url, kind: lower(l.kind) })),
      },
    quotegraph: (json: Json) => {
      const a = dataOf(json, 'article');
      if (!a || a.graphqlErrors) return a;
      return {
        title: a.title,
        dek: a.dek,
        quotes: a.quotes.nodes.map((q: Json) => ({
          text: q.text,
          kind: lower(q.kind),
          speaker: !q.speaker
            ? null
            : q.speaker.__typename === 'Person'
              ? {
                  name: q.speaker.name,
                  affiliations: q.speaker.affiliations.map((f: Json) => ({
                    role: f.role,
                    organization: f.organization.name,
                  })),
                }
              : { name: q.speaker.name },
        })),
        links: a.relatedLinks.map((l: Json) => ({ title: l.title, url: l.url, kind: lower(l.kind) })),
      };
    },
    postgraphile: (json: Json) => {
      const a = dataOf(json, 'articleByRowId');
      if (!a || a.graphqlErrors) return a;
      return {
        title: a.title,
        dek: a.dek,
        quotes: a.quotesByArticleId.nodes.map((q: Json) => ({
          text: q.text,
          kind: lower(q.kind),
          speaker: q.personBySpeakerPersonId
            ? {
                name: q.personBySpeakerPersonId.name,
                affiliations: q.personBySpeakerPersonId.affiliationsByPersonId.nodes.map((f: Json) => ({
                  role: f.role,
                  organization: f.organizationByOrganizationId.name,
                })),
              }
            : q.organizationBySpeakerOrganizationId
              ? { name: q.organizationBySpeakerOrganizationId.name }
              : null,
        })),
        links: a.relatedLinksByArticleId.nodes.map((l: Json) => ({ title: l.title, url: l.url, kind: lower(l.kind) })),
      };
    },
  },
};

const W2: Workload = {
  id: 'W2',
  title:
    'quotes of one person by id: newest 20 (article date desc, article desc, position asc) with article title and date, plus totalCount (the stored quote_count in all three)',
  body: {
    limit: (p) => ({ w: 'W2', v: p }),
    quotegraph: (p) =>
      graphql(
        `query W2($speaker: ID!) { quotes(filter: { speaker: $speaker }, first: 20) {
          totalCount nodes { text article { title publishedAt } } } }`,
        { speaker: encodeGlobalID('Person', p.personId!) },
      ),
    // The same stored count quotegraph reads (people.quote_count), next to the person's quotes.
    postgraphile: (p) =>
      graphql(
        `query W2($id: Int!) { personByRowId(rowId: $id) { quoteCount
          quotesBySpeakerPersonId(orderBy: [ARTICLE_SORT_AT_DESC, ARTICLE_ID_DESC, POSITION_ASC], first: 20) {
            nodes { text articleByArticleId { title publishedAt } } } } }`,
        { id: p.personId },
      ),
  },
  normalise: {
    limit: (r: Json) => ({
      total: Number(r.total),
      items: r.items.map((i: Json) => ({ text: i.text, title: i.title, publishedAt: iso(i.publishedAt) })),
    }),
    quotegraph: (json: Json) => {
      const c = dataOf(json, 'quotes');
      if (!c || c.graphqlErrors) return c;
      return {
        total: c.totalCount,
        items: c.nodes.map((q: Json) => ({
          text: q.text,
          title: q.article.title,
          publishedAt: iso(q.article.publishedAt),
        })),
      };
    },
    postgraphile: (json: Json) => {
      const p = dataOf(json, 'personByRowId');
      if (p?.graphqlErrors) return p;
      if (!p) return { total: 0, items: [] };
      return {
        total: p.quoteCount,
        items: p.quotesBySpeakerPersonId.nodes.map((q: Json) => ({
          text: q.text,
          title: q.articleByArticleId.title,
          publishedAt: iso(q.articleByArticleId.publishedAt),
        })),
      };
    },
  },
};

const W3: Workload = {
  id: 'W3',
  title:
    'front page: 20 newest articles (title, date), each with its first 3 quotes in reading order and speaker names; no totalCount anywhere',
  body: {
    limit: () => ({ w: 'W3', v: {} }),
    quotegraph: () =>
      graphql(`query W3 { articles(first: 20) { nodes { title publishedAt
        quotes(first: 3) { nodes { text speaker { ... on Person { name } ... on Organization { name } } } } } } }`),
    postgraphile: () =>
      graphql(`query W3 { allArticles(orderBy: [SORT_AT_DESC, ROW_ID_DESC], first: 20) { nodes { title publishedAt
        quotesByArticleId(first: 3, orderBy: POSITION_ASC) { nodes { text personBySpeakerPersonId { name } organizationBySpeakerOrganizationId { name } } } } } }`),
  },
  normalise: {
    limit: (r: Json) => r.map((a: Json) => ({ title: a.title, publishedAt: iso(a.publishedAt), quotes: a.quotes })),
    quotegraph: (json: Json) => {
      const c = dataOf(json, 'articles');
      if (!c || c.graphqlErrors) return c;
      return c.nodes.map((a: Json) => ({
        title: a.title,
        publishedAt: iso(a.publishedAt),
        quotes: a.quotes.nodes.map((q: Json) => ({ text: q.text, speaker: q.speaker?.name ?? null })),
      }));
    },
    postgraphile: (json: Json) => {
      const c = dataOf(json, 'allArticles');
      if (!c || c.graphqlErrors) return c;
      return c.nodes.map((a: Json) => ({
        title: a.title,
        publishedAt: iso(a.publishedAt),
        quotes: a.quotesByArticleId.nodes.map((q: Json) => ({
          text: q.text,
          speaker: speakerName(q.personBySpeakerPersonId, q.organizationBySpeakerOrganizationId),
        })),
      }));
    },
  },
};

const W4: Workload = {
  id: 'W4',
  title:
    'full-text quote search: newest 20 matches with speaker label and article title, plus totalCount (a count of the matches in all three)',
  body: {
    limit: (p) => ({ w: 'W4', v: p }),
    quotegraph: (p) =>
      graphql(
        `query W4($search: String!) { quotes(filter: { search: $search }, first: 20) {
          totalCount nodes { text speakerLabel article { title } } } }`,
        { search: p.search },
      ),
    postgraphile: (p) =>
      graphql(
        `query W4($search: String!) { pglSearchQuotes(search: $search, first: 20, orderBy: [ARTICLE_SORT_AT_DESC, ARTICLE_ID_DESC, POSITION_ASC]) {
          totalCount nodes { text speakerLabel articleByArticleId { title } } } }`,
        { search: p.search },
      ),
  },
  normalise: {
    limit: (r: Json) => ({ total: Number(r.total), items: r.items }),
    quotegraph: (json: Json) => {
      const c = dataOf(json, 'quotes');
      if (!c || c.graphqlErrors) return c;
      return {
        total: c.totalCount,
        items: c.nodes.map((q: Json) => ({ text: q.text, speakerLabel: q.speakerLabel, title: q.article.title })),
      };
    },
    postgraphile: (json: Json) => {
      const c = dataOf(json, 'pglSearchQuotes');
      if (!c || c.graphqlErrors) return c;
      return {
        total: c.totalCount,
        items: c.nodes.map((q: Json) => ({
          text: q.text,
          speakerLabel: q.speakerLabel,
          title: q.articleByArticleId.title,
        })),
      };
    },
  },
};

const W5: Workload = {
  id: 'W5',
  title:
    'quotes by a speaker name or alias (surname as stored, upper case or folded), resolved to one speaker (person first; own name, then most quoted, then lowest id): newest 20 with speaker and article title, plus totalCount (stored quote_count in quotegraph and the limit; PostGraphile counts the rows)',
  body: {
    limit: (p) => ({ w: 'W5', v: p }),
    quotegraph: (p) =>
      graphql(
        `query W5($name: String!) { quotes(filter: { speakerName: $name }, first: 20) {
          totalCount nodes { text speaker { ... on Person { name } ... on Organization { name } } article { title } } } }`,
        { name: p.speakerName },
      ),
    postgraphile: (p) =>
      graphql(
        `query W5($name: String!) { pglQuotesBySpeakerName(speakerName: $name, first: 20, orderBy: [ARTICLE_SORT_AT_DESC, ARTICLE_ID_DESC, POSITION_ASC]) {
          totalCount nodes { text personBySpeakerPersonId { name } organizationBySpeakerOrganizationId { name } articleByArticleId { title } } } }`,
        { name: p.speakerName },
      ),
  },
  normalise: {
    limit: (r: Json) => ({ total: Number(r.total), items: r.items }),
    quotegraph: (json: Json) => {
      const c = dataOf(json, 'quotes');
      if (!c || c.graphqlErrors) return c;
      return {
        total: c.totalCount,
        items: c.nodes.map((q: Json) => ({ text: q.text, speaker: q.speaker?.name ?? null, title: q.article.title })),
      };
    },
    postgraphile: (json: Json) => {
      const c = dataOf(json, 'pglQuotesBySpeakerName');
      if (!c || c.graphqlErrors) return c;
      return {
        total: c.totalCount,
        items: c.nodes.map((q: Json) => ({
          text: q.text,
          speaker: speakerName(q.personBySpeakerPersonId, q.organizationBySpeakerOrganizationId),
          title: q.articleByArticleId.title,
        })),
      };
    },
  },
};

export const workloads: Workload[] = [W1, W2, W3, W4, W5];

/**
 * The parameters a workload's requests rotate through: seeded, over the whole dataset, with
 * speakers drawn by the same popularity law the generator used.
 */
export function parameterSequence(workload: WorkloadId, info: DatasetInfo, seed: number, length = 5000): Params[] {
  const random = new Random(seed, workload.charCodeAt(1), 0xbe7c);
  const speakers = new ZipfSampler(info.people.length, SPEAKER_POPULARITY_EXPONENT);
  const keywords = topics.flatMap((topic) => topic.keywords.map((keyword) => ({ keyword, topic })));
  return Array.from({ length }, (_, i): Params => {
    switch (workload) {
      case 'W1':
        return { articleId: random.int(info.articleIds.min, info.articleIds.max) };
      case 'W2':
        return { personId: info.people[speakers.draw(random)]!.id };
      case 'W3':
        return {};
      case 'W4': {
        const { keyword, topic } = random.pick(keywords);
        return {
          search: random.chance(0.5)
            ? keyword
            : `${keyword} ${random.pick(topic.keywords.filter((k) => k !== keyword))}`,
        };
      }
      case 'W5': {
        const surname = info.people[speakers.draw(random)]!.surname;
        const variants = [surname, surname.toUpperCase(), lookupKey(surname)];
        return { speakerName: variants[i % variants.length] };
      }
      default:
        throw new Error(`no parameters for workload ${workload satisfies never}`);
    }
  });
}
