// Writes a planned graph to the database in batches: each batch of articles (with their
// quotes, links and mentions) is one transaction of a few multi-row inserts. Rows travel as
// one JSON parameter per insert (`json_to_recordset`), so a batch of thousands of rows is one
// small statement on either driver, with no bind-parameter limit to respect.
//
// Ids are reserved from each table's identity sequence before the rows are written, so rows
// can point at each other without a round trip per row, and appending to an existing graph
// never reuses an id. Slugs taken already get the new row's id as a suffix.
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client.ts';
import { lookupColumns, slugify } from '../db/lookup.ts';
import {
  affiliations,
  articles,
  mentions,
  organizations,
  people,
  publishers,
  quotes,
  relatedLinks,
} from '../db/schema.ts';
import type { GraphPlan } from './index.ts';

export interface StoreOptions {
  /** Articles per transaction. */
  batchSize?: number;
  /** Empty every graph table first (ids restart at 1). */
  reset?: boolean;
  onProgress?: (articlesStored: number) => void;
}

export interface StoreSummary {
  articles: number;
  quotes: number;
  relatedLinks: number;
  mentions: number;
  people: number;
  organizations: number;
  affiliations: number;
  publishers: number;
  /** Database ids of the plan's people, by popularity rank; index 0 is the most quoted. */
  personIds: number[];
  organizationIds: number[];
  firstArticleId: number | null;
}

type Executor = Pick<Database, 'execute'>;

/** `execute` returns an array on postgres.js and `{ rows }` on PGlite. */
function rowsOf<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : ((result as { rows?: Row[] }).rows ?? [])) as Row[];
}

/** A JSON array parameter as a set of texts: safe for any content, on either driver. */
function textSet(values: readonly string[]): SQL {
  return sql`(select json_array_elements_text(${JSON.stringify(values)}::json))`;
}

const DEFAULT_BATCH_SIZE = 1000;

/** The column's type as SQL, with the brackets of an array column (drizzle keeps those apart). */
function sqlTypeOf(column: PgColumn): string {
  const dimensions = (column as PgColumn & { dimensions?: number }).dimensions ?? 0;
  return column.getSQLType() + '[]'.repeat(dimensions);
}

/** `insert … select … from json_to_recordset($1)`, columns and types taken from the table. */
async function insertRows<T extends PgTable & { $inferInsert: object }>(
  tx: Executor,
  table: T,
  rows: readonly (T['$inferInsert'] & { id?: number })[],
  options: { withIds: boolean },
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const tableColumns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(first);
  const columns = keys.map((key) => {
    const column = tableColumns[key];
    if (!column) throw new Error(`${key} is not a column of the table`);
    return column;
  });
  const payload = JSON.stringify(
    rows.map((row) => {
      const record: Record<string, unknown> = {};
      keys.forEach((key, i) => {
        record[(columns[i] as PgColumn).name] = (row as Record<string, unknown>)[key];
      });
      return record;
    }),
  );
  const names = sql.join(
    columns.map((column) => sql.identifier(column.name)),
    sql`, `,
  );
  const definitions = sql.join(
    columns.map((column) => sql`${sql.identifier(column.name)} ${sql.raw(sqlTypeOf(column))}`),
    sql`, `,
  );
  await tx.execute(
    sql`insert into ${table} (${names}) ${options.withIds ? sql`overriding system value ` : sql``}select ${names} from json_to_recordset(${payload}::json) as r(${definitions})`,
  );
}

/** Takes `count` ids from the table's identity sequence. */
async function reserveIds(tx: Executor, tableName: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const result = await tx.execute(
    sql`select nextval(pg_get_serial_sequence(${tableName}, 'id'))::int as id from generate_series(1, ${count}::int)`,
  );
  return rowsOf<{ id: number }>(result).map((row) => Number(row.id));
}

/** Of these slugs, the ones the table already holds. */
async function takenSlugs(tx: Executor, table: SQL, slugs: readonly string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const result = await tx.execute(sql`select slug from ${table} where slug in ${textSet(slugs)}`);
  return new Set(rowsOf<{ slug: string }>(result).map((row) => row.slug));
}

/** Unique slugs for new rows: the base, or base-<id> when the base is taken. */
function assignSlugs(bases: readonly string[], ids: readonly number[], taken: Set<string>): string[] {
  return bases.map((base, i) => {
    const slug = taken.has(base) ? `${base}-${ids[i]}` : base;
    taken.add(slug);
    return slug;
  });
}

export async function storeGraph(db: Database, plan: GraphPlan, options: StoreOptions = {}): Promise<StoreSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const { entities } = plan;
  if (options.reset) {
    await db.execute(
      sql`truncate ${mentions}, ${relatedLinks}, ${quotes}, ${affiliations}, ${articles}, ${people}, ${organizations}, ${publishers} restart identity cascade`,
    );
  }

  // Entities: one transaction. Publishers are shared with whatever the graph holds already.
  const entityIds = await db.transaction(async (tx) => {
    const publisherRows = entities.publishers.map((publisher) => ({
      slug: slugify(publisher.name),
      name: publisher.name,
      url: publisher.url,
    }));
    await tx.execute(
      sql`insert into ${publishers} (slug, name, url) select slug, name, url from json_to_recordset(${JSON.stringify(publisherRows)}::json) as r(slug text, name text, url text) on conflict (slug) do nothing`,
    );
    const bySlug = new Map(
      rowsOf<{ id: number; slug: string }>(
        await tx.execute(
          sql`select id, slug from ${publishers} where slug in ${textSet(publisherRows.map((row) => row.slug))}`,
        ),
      ).map((row) => [row.slug, Number(row.id)]),
    );
    const publisherIds = publisherRows.map((row) => bySlug.get(row.slug) as number);

    const organizationIds = await reserveIds(tx, 'organizations', entities.organizations.length);
    const organizationBases = entities.organizations.map((organization) => slugify(organization.name));
    const organizationSlugs = assignSlugs(
      organizationBases,
      organizationIds,
      await takenSlugs(tx, sql`${organizations}`, organizationBases),
    );
    await insertRows(
      tx,
      organizations,
      entities.organizations.map((organization, i) => ({
        id: organizationIds[i] as number,
        slug: organizationSlugs[i] as string,
        name: organization.name,
        kind: organization.kind,
        parentId: organization.parent === null ? null : (organizationIds[organization.parent] as number),
        aliases: organization.aliases,
        ...lookupColumns(organization.name, organization.aliases),
        description: organization.description,
      })),
      { withIds: true },
    );

    const personIds = await reserveIds(tx, 'people', entities.people.length);
    const personBases = entities.people.map((person) => slugify(person.name));
    const personSlugs = assignSlugs(personBases, personIds, await takenSlugs(tx, sql`${people}`, personBases));
    for (let from = 0; from < entities.people.length; from += 5000) {
      await insertRows(
        tx,
        people,
        entities.people.slice(from, from + 5000).map((person, j) => ({
          id: personIds[from + j] as number,
          slug: personSlugs[from + j] as string,
          name: person.name,
          aliases: person.aliases,
          ...lookupColumns(person.name, person.aliases),
          description: person.description,
        })),
        { withIds: true },
      );
    }
    for (let from = 0; from < entities.affiliations.length; from += 5000) {
      await insertRows(
        tx,
        affiliations,
        entities.affiliations.slice(from, from + 5000).map((affiliation) => ({
          personId: personIds[affiliation.person] as number,
          organizationId: organizationIds[affiliation.organization] as number,
          role: affiliation.role,
        })),
        { withIds: false },
      );
    }
    return { publisherIds, organizationIds, personIds };
  });

  const summary: StoreSummary = {
    articles: 0,
    quotes: 0,
    relatedLinks: 0,
    mentions: 0,
    people: entities.people.length,
    organizations: entities.organizations.length,
    affiliations: entities.affiliations.length,
    publishers: entities.publishers.length,
    personIds: entityIds.personIds,
    organizationIds: entityIds.organizationIds,
    firstArticleId: null,
  };
  const personId = (index: number | null) => (index === null ? null : (entityIds.personIds[index] as number));
  const organizationId = (index: number | null) =>
    index === null ? null : (entityIds.organizationIds[index] as number);

  for (let from = 0; from < plan.articleCount; from += batchSize) {
    const batch = Array.from({ length: Math.min(batchSize, plan.articleCount - from) }, (_, i) =>
      plan.article(from + i),
    );
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local synchronous_commit = off`);
      const ids = await reserveIds(tx, 'articles', batch.length);
      summary.firstArticleId ??= ids[0] ?? null;
      const bases = batch.map((article) => slugify(article.title, 60));
      // Earlier batches' slugs are in the table already.
      const slugs = assignSlugs(bases, ids, await takenSlugs(tx, sql`${articles}`, bases));

      await insertRows(
        tx,
        articles,
        batch.map((article, i) => {
          const publisher = entities.publishers[article.publisher];
          const published = article.publishedAt.toISOString();
          return {
            id: ids[i] as number,
            slug: slugs[i] as string,
            url: `${publisher?.url ?? 'https://news.example'}/${published.slice(0, 4)}/${published.slice(5, 7)}/${slugs[i]}`,
            title: article.title,
            dek: article.dek,
            imageCaption: article.imageCaption,
            body: article.body,
            publishedAt: article.publishedAt,
            publisherId: entityIds.publisherIds[article.publisher] ?? null,
            contentHash: `generated:${plan.seed}:${ids[i]}`,
          };
        }),
        { withIds: true },
      );
      const quoteRows = batch.flatMap((article, i) =>
        article.quotes.map((quote, position) => ({
          articleId: ids[i] as number,
          text: quote.text,
          kind: quote.kind,
          speakerPersonId: personId(quote.person),
          speakerOrganizationId: organizationId(quote.organization),
          speakerLabel: quote.speakerLabel,
          cue: quote.cue,
          startOffset: quote.start,
          endOffset: quote.end,
          position,
          confidence: quote.confidence,
          // The article's sort date: published_at is always set here.
          articleSortAt: article.publishedAt,
        })),
      );
      await insertRows(tx, quotes, quoteRows, { withIds: false });
      const linkRows = batch.flatMap((article, i) =>
        article.relatedLinks.map((link, position) => ({ articleId: ids[i] as number, ...link, position })),
      );
      await insertRows(tx, relatedLinks, linkRows, { withIds: false });
      const mentionRows = batch.flatMap((article, i) =>
        article.mentions.map((mention) => ({
          articleId: ids[i] as number,
          personId: personId(mention.person),
          organizationId: organizationId(mention.organization),
          count: mention.count,
          firstOffset: mention.firstOffset,
        })),
      );
      await insertRows(tx, mentions, mentionRows, { withIds: false });
      summary.articles += batch.length;
      summary.quotes += quoteRows.length;
      summary.relatedLinks += linkRows.length;
      summary.mentions += mentionRows.length;
    });
    options.onProgress?.(summary.articles);
  }
  return summary;
}
