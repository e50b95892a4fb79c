// The storage model. Every index here serves a lookup the GraphQL API offers; the comment
// beside it names that lookup.
import { sql, type SQL } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  real,
  text,
  timestamp,
  unique,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

// Millisecond precision: a JavaScript Date holds milliseconds, so cursors built from these
// values compare exactly against what is stored.
const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });
const createdAt = () => instant('created_at').notNull().defaultNow();
const updatedAt = () => instant('updated_at').notNull().defaultNow();
const id = () => integer('id').primaryKey().generatedAlwaysAsIdentity();

export const quoteKind = pgEnum('quote_kind', ['direct', 'partial', 'indirect']);
export const organizationKind = pgEnum('organization_kind', [
  'company',
  'government',
  'agency',
  'media',
  'university',
  'country',
  'party',
  'nonprofit',
  'other',
]);
export const relatedLinkKind = pgEnum('related_link_kind', ['photos', 'video', 'audio', 'article', 'other']);

export const publishers = pgTable('publishers', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  url: text('url'),
  createdAt: createdAt(),
});

export const articles = pgTable(
  'articles',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    url: text('url').unique(),
    title: text('title').notNull(),
    dek: text('dek'),
    imageCaption: text('image_caption'),
    body: text('body').notNull(),
    publishedAt: instant('published_at'),
    publisherId: integer('publisher_id').references(() => publishers.id, { onDelete: 'set null' }),
    language: text('language').notNull().default('en'),
    contentHash: text('content_hash').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // The date an article sorts by: its publication date, or when it was added if unknown.
    sortAt: instant('sort_at')
      .notNull()
      .generatedAlwaysAs((): SQL => sql`coalesce(${articles.publishedAt}, ${articles.createdAt})`),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          sql`setweight(to_tsvector('english', ${articles.title}), 'A') || setweight(to_tsvector('english', coalesce(${articles.dek}, '')), 'B') || setweight(to_tsvector('english', ${articles.body}), 'C')`,
      ),
  },
  (t) => [
    // articles(orderBy: NEWEST) and the front page
    index('articles_sort_at_idx').on(t.sortAt, t.id),
    // articles(filter: {publisher})
    index('articles_publisher_sort_at_idx').on(t.publisherId, t.sortAt, t.id),
    // articles(filter: {search}) and search()
    index('articles_search_idx').using('gin', t.searchVector),
    // re-ingesting an article that has no URL finds it by its normalised content
    uniqueIndex('articles_content_hash_without_url_idx').on(t.contentHash).where(sql`${t.url} is null`),
  ],
);

export const people = pgTable(
  'people',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
    // Case- and accent-folded forms of the name and every alias (see db/lookup.ts).
    lookupKeys: text('lookup_keys').array().notNull().default(sql`'{}'::text[]`),
    lookupText: text('lookup_text').notNull().default(''),
    description: text('description'),
    // Kept by a trigger on quotes (drizzle/*_quote-counts): totalCount of a speaker's quotes
    // without counting them.
    quoteCount: integer('quote_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // person(name:), quotes(filter: {speakerName}), entity resolution during ingestion
    index('people_lookup_keys_idx').using('gin', t.lookupKeys),
    // people(filter: {search}) and search(): substring and fuzzy matches
    index('people_lookup_text_trgm_idx').using('gin', t.lookupText.op('gin_trgm_ops')),
  ],
);

export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    kind: organizationKind('kind').notNull().default('other'),
    parentId: integer('parent_id').references((): AnyPgColumn => organizations.id, { onDelete: 'set null' }),
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
    lookupKeys: text('lookup_keys').array().notNull().default(sql`'{}'::text[]`),
    lookupText: text('lookup_text').notNull().default(''),
    description: text('description'),
    quoteCount: integer('quote_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // organization(name:), entity resolution
    index('organizations_lookup_keys_idx').using('gin', t.lookupKeys),
    // organizations(filter: {search}) and search()
    index('organizations_lookup_text_trgm_idx').using('gin', t.lookupText.op('gin_trgm_ops')),
    // Organization.children
    index('organizations_parent_idx').on(t.parentId),
    // organizations(filter: {kind})
    index('organizations_kind_idx').on(t.kind, t.name),
  ],
);

export const affiliations = pgTable(
  'affiliations',
  {
    id: id(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    role: text('role'),
    createdAt: createdAt(),
  },
  (t) => [
    // Person.affiliations; also keeps one row per (person, organization, role)
    unique('affiliations_person_organization_role_key').on(t.personId, t.organizationId, t.role).nullsNotDistinct(),
    // Organization.affiliations, quotes(filter: {organization})
    index('affiliations_organization_idx').on(t.organizationId, t.personId),
  ],
);

export const quotes = pgTable(
  'quotes',
  {
    id: id(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    kind: quoteKind('kind').notNull(),
    // A quote keeps its words when its speaker is deleted; the label still says who spoke.
    speakerPersonId: integer('speaker_person_id').references(() => people.id, { onDelete: 'set null' }),
    speakerOrganizationId: integer('speaker_organization_id').references(() => organizations.id, {
      onDelete: 'set null',
    }),
    speakerLabel: text('speaker_label'),
    cue: text('cue'),
    startOffset: integer('start_offset').notNull(),
    endOffset: integer('end_offset').notNull(),
    position: integer('position').notNull(),
    confidence: real('confidence').notNull().default(1),
    // The article's sort date, copied here so quotes by speaker page through one index.
    articleSortAt: instant('article_sort_at').notNull(),
    // Both kinds of speaker in one column (person 2n, organization 2n+1), so that "quotes by
    // this speaker, newest first" is one ordered index scan whichever kind the name resolves to.
    speakerRef: integer('speaker_ref').generatedAlwaysAs(
      (): SQL => sql`coalesce(${quotes.speakerPersonId} * 2, ${quotes.speakerOrganizationId} * 2 + 1)`,
    ),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs((): SQL => sql`to_tsvector('english', ${quotes.text})`),
    createdAt: createdAt(),
  },
  (t) => [
    check('quotes_one_speaker_kind', sql`num_nonnulls(${t.speakerPersonId}, ${t.speakerOrganizationId}) <= 1`),
    check('quotes_offsets_ordered', sql`${t.startOffset} >= 0 and ${t.endOffset} >= ${t.startOffset}`),
    // Article.quotes in reading order
    unique('quotes_article_position_key').on(t.articleId, t.position),
    // Quotes are listed newest article first and, within an article, in reading order:
    // (article_sort_at desc, article_id desc, position asc), which these indexes give when
    // scanned backwards.
    // quotes(filter: {speaker | speakerName})
    index('quotes_speaker_ref_idx').on(t.speakerRef, t.articleSortAt, t.articleId, t.position.desc().nullsFirst()),
    // Person.quotes, and deleting a person
    index('quotes_speaker_person_idx').on(
      t.speakerPersonId,
      t.articleSortAt,
      t.articleId,
      t.position.desc().nullsFirst(),
    ),
    // Organization.quotes, and deleting an organization
    index('quotes_speaker_organization_idx').on(
      t.speakerOrganizationId,
      t.articleSortAt,
      t.articleId,
      t.position.desc().nullsFirst(),
    ),
    // quotes() without a speaker, by date
    index('quotes_article_sort_at_idx').on(t.articleSortAt, t.articleId, t.position.desc().nullsFirst()),
    // quotes(filter: {search}) and search()
    index('quotes_search_idx').using('gin', t.searchVector),
  ],
);

export const relatedLinks = pgTable(
  'related_links',
  {
    id: id(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    url: text('url'),
    kind: relatedLinkKind('kind').notNull().default('article'),
    position: integer('position').notNull(),
  },
  // Article.relatedLinks in order
  (t) => [unique('related_links_article_position_key').on(t.articleId, t.position)],
);

export const mentions = pgTable(
  'mentions',
  {
    id: id(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    personId: integer('person_id').references(() => people.id, { onDelete: 'cascade' }),
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    count: integer('count').notNull().default(1),
    firstOffset: integer('first_offset').notNull().default(0),
  },
  (t) => [
    check('mentions_exactly_one_entity', sql`num_nonnulls(${t.personId}, ${t.organizationId}) = 1`),
    // Article.people; Person.articles and articles(filter: {mentions}) by person
    uniqueIndex('mentions_person_article_idx').on(t.personId, t.articleId).where(sql`${t.personId} is not null`),
    uniqueIndex('mentions_organization_article_idx')
      .on(t.organizationId, t.articleId)
      .where(sql`${t.organizationId} is not null`),
    index('mentions_article_idx').on(t.articleId),
  ],
);

// Bookkeeping for the response cache: one version of the whole graph, raised once by every
// transaction that writes to a table above, at its commit (drizzle/*_graph-version). A cached
// answer is served only while the version it was read at is still the current one, so no write —
// through the API, the CLI, another instance or psql — can leave a stale answer behind.
export const graphVersion = pgTable(
  'graph_version',
  {
    id: integer('id').primaryKey(),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [check('graph_version_single_row', sql`${t.id} = 1`)],
);

// The transactions that have written in this commit, one row each until their commit raises the
// version (the row is the hook for a deferred trigger: once per transaction, not per statement).
export const graphPendingWrites = pgTable('graph_pending_writes', {
  transactionId: bigint('transaction_id', { mode: 'number' }).primaryKey(),
});
