// ExtractedArticle → database, in one transaction. Re-ingesting the same article (same URL, or
// same normalised text when there is no URL) updates it in place: the article, its quotes and
// its links keep their ids, and the graph comes out the same.
import { createHash } from 'node:crypto';
import { and, desc, eq, exists, gte, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client.ts';
import { lookupKey, slugify } from '../db/lookup.ts';
import { affiliations, articles, mentions, publishers, quotes, relatedLinks } from '../db/schema.ts';
import type { GraphChange } from '../store/change.ts';
import type { ExtractedArticle, ExtractedOrganization, ExtractedPerson } from '../extract/types.ts';
import { resolveEntities, type PreviousLinks, type ResolvedEntities } from './entities.ts';
import type { Executor } from '../store/transaction.ts';
import { allocateSlug } from '../store/slugs.ts';
import { lockKeys, writeTransaction, type WriteDeadline } from '../store/transaction.ts';

export interface ArticleMetadata {
  /** Canonical URL; the identity of the article when given. */
  url?: string | null;
  /** Overrides the extracted headline. */
  title?: string | null;
  publishedAt?: Date | null;
  /** Publisher name; created on first use. */
  publisher?: string | null;
  language?: string | null;
}

export interface IngestResult {
  articleId: number;
  created: boolean;
  quoteIds: number[];
  personIds: number[];
  organizationIds: number[];
  warnings: string[];
  /** Everything the write touched, before and after: what cached responses it makes stale. */
  change: GraphChange;
}

export class IngestError extends Error {
  override name = 'IngestError';
  constructor(
    message: string,
    /** The input field at fault, e.g. "quotes[2].end". */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Hash of the text with whitespace and case normalised: the identity of an article without URL. */
export function contentHash(body: string): string {
  return createHash('sha256').update(body.replace(/\s+/g, ' ').trim().toLowerCase()).digest('hex');
}

function checkOffsets(extracted: ExtractedArticle): void {
  extracted.quotes.forEach((quote, index) => {
    if (!(Number.isInteger(quote.start) && Number.isInteger(quote.end))) {
      throw new IngestError(`quote ${index + 1} has non-integer offsets`, `quotes[${index}].start`);
    }
    if (quote.start < 0 || quote.end < quote.start || quote.end > extracted.body.length) {
      throw new IngestError(
        `quote ${index + 1} offsets ${quote.start}..${quote.end} fall outside the article body (length ${extracted.body.length})`,
        `quotes[${index}].start`,
      );
    }
  });
}

/** Every speaker becomes a known entity, even if the extractor listed it only on the quote. */
function withSpeakers(extracted: ExtractedArticle): { people: ExtractedPerson[]; organizations: ExtractedOrganization[] } {
  const peopleList = [...extracted.people];
  const organizationList = [...extracted.organizations];
  const knownPeople = new Set(peopleList.flatMap((p) => [p.name, ...p.aliases]));
  const knownOrganizations = new Set(organizationList.flatMap((o) => [o.name, ...o.aliases]));
  for (const quote of extracted.quotes) {
    const speaker = quote.speaker;
    if (!speaker) continue;
    if (speaker.type === 'person' && !knownPeople.has(speaker.name)) {
      knownPeople.add(speaker.name);
      peopleList.push({ name: speaker.name, aliases: [], roles: [], mentions: 0, firstOffset: quote.start });
    } else if (speaker.type === 'organization' && !knownOrganizations.has(speaker.name)) {
      knownOrganizations.add(speaker.name);
      organizationList.push({ name: speaker.name, kind: 'other', aliases: [], mentions: 0, firstOffset: quote.start });
    }
  }
  return { people: peopleList, organizations: organizationList };
}

async function publisherId(tx: Executor, name: string | null | undefined): Promise<number | null> {
  if (!name?.trim()) return null;
  const slug = slugify(name);
  const [row] = await tx
    .insert(publishers)
    .values({ slug, name: name.trim() })
    .onConflictDoUpdate({ target: publishers.slug, set: { slug } })
    .returning({ id: publishers.id });
  return row?.id ?? null;
}

function titleOf(extracted: ExtractedArticle, metadata: ArticleMetadata): string {
  const title = metadata.title?.trim() || extracted.title?.trim();
  if (title) return title;
  const firstLine = extracted.body.split('\n').find((line) => line.trim()) ?? '';
  return firstLine.length > 90 ? `${firstLine.slice(0, 87).trimEnd()}…` : firstLine || 'Untitled';
}

/**
 * Rows per multi-row insert: far below PostgreSQL's 65,535 parameters per statement (quotes take
 * 11 a row), and small enough that building one statement stays cheap.
 */
export const ROWS_PER_INSERT = 500;

/** `rows` in slices of `size`, each handed to `write` in turn; the results, in order. */
export async function inBatches<Row, Result>(
  rows: readonly Row[],
  write: (batch: Row[]) => Promise<Result[]>,
  size = ROWS_PER_INSERT,
): Promise<Result[]> {
  const results: Result[] = [];
  for (let start = 0; start < rows.length; start += size) {
    for (const result of await write(rows.slice(start, start + size))) results.push(result);
  }
  return results;
}

async function upsertArticleRow(tx: Executor, extracted: ExtractedArticle, metadata: ArticleMetadata) {
  // The prose without furniture: a page saved again with one changed menu or ad line is the same article.
  const hash = contentHash(extracted.fingerprint || extracted.body);
  // Rows stored before the fingerprint existed (and articles entered by hand) carry the hash of
  // the whole body: they are the same article too.
  const bodyHash = contentHash(extracted.body);
  const url = metadata.url?.trim() || null;
  // Whoever else is storing this very article waits until we commit, then finds our row.
  if (url) await lockKeys(tx, 'article-url', [url]);
  else await lockKeys(tx, 'article-text', [hash, bodyHash]);
  const [existing] = await tx
    .select({ id: articles.id, publisherId: articles.publisherId })
    .from(articles)
    .where(url ? eq(articles.url, url) : and(isNull(articles.url), inArray(articles.contentHash, [hash, bodyHash])))
    .orderBy(desc(sql`${articles.contentHash} = ${hash}`))
    .limit(1);
  const title = titleOf(extracted, metadata);
  const values = {
    url,
    title,
    dek: extracted.dek,
    imageCaption: extracted.imageCaption,
    body: extracted.body,
    publishedAt: metadata.publishedAt ?? null,
    publisherId: await publisherId(tx, metadata.publisher),
    language: metadata.language || 'en',
    contentHash: hash,
  };
  if (existing) {
    const [row] = await tx
      .update(articles)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(articles.id, existing.id))
      .returning({ id: articles.id, sortAt: articles.sortAt });
    if (!row) throw new IngestError('the article disappeared while it was being updated');
    return { ...row, created: false, publisherId: values.publisherId, previousPublisherId: existing.publisherId };
  }
  const slug = await allocateSlug(tx, articles, slugify(title));
  const [row] = await tx
    .insert(articles)
    .values({ ...values, slug })
    .returning({ id: articles.id, sortAt: articles.sortAt });
  if (!row) throw new IngestError('the article could not be stored');
  return { ...row, created: true, publisherId: values.publisherId, previousPublisherId: null };
}

function speakerIds(entities: ResolvedEntities, speaker: ExtractedArticle['quotes'][number]['speaker']) {
  if (!speaker) return { speakerPersonId: null, speakerOrganizationId: null };
  if (speaker.type === 'person') {
    return { speakerPersonId: entities.personIds.get(speaker.name) ?? null, speakerOrganizationId: null };
  }
  return { speakerPersonId: null, speakerOrganizationId: entities.organizationIds.get(speaker.name) ?? null };
}

async function storeQuotes(
  tx: Executor,
  article: { id: number; sortAt: Date },
  extracted: ExtractedArticle,
  entities: ResolvedEntities,
): Promise<{ ids: number[]; removed: number[] }> {
  const removed = await tx
    .delete(quotes)
    .where(and(eq(quotes.articleId, article.id), gte(quotes.position, extracted.quotes.length)))
    .returning({ id: quotes.id });
  if (extracted.quotes.length === 0) return { ids: [], removed: removed.map((row) => row.id) };
  const rows = extracted.quotes.map((quote, position) => ({
    articleId: article.id,
    text: quote.text,
    kind: quote.kind,
    ...speakerIds(entities, quote.speaker),
    speakerLabel: quote.speakerLabel,
    cue: quote.cue,
    startOffset: quote.start,
    endOffset: quote.end,
    position,
    confidence: quote.confidence,
    articleSortAt: article.sortAt,
  }));
  const stored = await inBatches(rows, (batch) =>
    tx
    .insert(quotes)
    .values(batch)
    .onConflictDoUpdate({
      target: [quotes.articleId, quotes.position],
      set: {
        text: sql`excluded.text`,
        kind: sql`excluded.kind`,
        speakerPersonId: sql`excluded.speaker_person_id`,
        speakerOrganizationId: sql`excluded.speaker_organization_id`,
        speakerLabel: sql`excluded.speaker_label`,
        cue: sql`excluded.cue`,
        startOffset: sql`excluded.start_offset`,
        endOffset: sql`excluded.end_offset`,
        confidence: sql`excluded.confidence`,
        articleSortAt: sql`excluded.article_sort_at`,
      },
    })
    .returning({ id: quotes.id, position: quotes.position }),
  );
  return { ids: stored.sort((a, b) => a.position - b.position).map((row) => row.id), removed: removed.map((row) => row.id) };
}

async function storeRelatedLinks(tx: Executor, articleId: number, extracted: ExtractedArticle): Promise<void> {
  const links = extracted.relatedLinks;
  await tx.delete(relatedLinks).where(and(eq(relatedLinks.articleId, articleId), gte(relatedLinks.position, links.length)));
  if (links.length === 0) return;
  const rows = links.map((link, position) => ({ articleId, title: link.title, url: link.url, kind: link.kind, position }));
  await inBatches(rows, (batch) =>
    tx
      .insert(relatedLinks)
      .values(batch)
      .onConflictDoUpdate({
        target: [relatedLinks.articleId, relatedLinks.position],
        set: { title: sql`excluded.title`, url: sql`excluded.url`, kind: sql`excluded.kind` },
      })
      .returning({ id: relatedLinks.id }),
  );
}

async function storeMentions(
  tx: Executor,
  articleId: number,
  found: { people: ExtractedPerson[]; organizations: ExtractedOrganization[] },
  entities: ResolvedEntities,
): Promise<{ personIds: number[]; organizationIds: number[] }> {
  // Two extracted names can resolve to one stored entity: add their counts up.
  const byPerson = new Map<number, { count: number; firstOffset: number }>();
  const byOrganization = new Map<number, { count: number; firstOffset: number }>();
  const tally = (
    target: Map<number, { count: number; firstOffset: number }>,
    id: number | undefined,
    entity: { mentions: number; firstOffset: number },
  ) => {
    if (id === undefined) return;
    const seen = target.get(id);
    const count = Math.max(entity.mentions, 1);
    target.set(id, {
      count: (seen?.count ?? 0) + count,
      firstOffset: Math.min(seen?.firstOffset ?? Number.MAX_SAFE_INTEGER, Math.max(entity.firstOffset, 0)),
    });
  };
  for (const person of found.people) tally(byPerson, entities.personIds.get(person.name), person);
  for (const org of found.organizations) tally(byOrganization, entities.organizationIds.get(org.name), org);

  // Update in place, so re-ingesting keeps every row (and id) of the graph as it was.
  const existing = await tx
    .select({ id: mentions.id, personId: mentions.personId, organizationId: mentions.organizationId })
    .from(mentions)
    .where(eq(mentions.articleId, articleId));
  const keyOf = (personId: number | null, organizationId: number | null) => (personId !== null ? `p${personId}` : `o${organizationId}`);
  const existingByKey = new Map(existing.map((row) => [keyOf(row.personId, row.organizationId), row.id]));
  const wanted = [
    ...[...byPerson].map(([personId, m]) => ({ articleId, personId, organizationId: null, ...m })),
    ...[...byOrganization].map(([organizationId, m]) => ({ articleId, personId: null, organizationId, ...m })),
  ];
  const fresh = [];
  for (const row of wanted) {
    const id = existingByKey.get(keyOf(row.personId, row.organizationId));
    existingByKey.delete(keyOf(row.personId, row.organizationId));
    if (id === undefined) fresh.push(row);
    else await tx.update(mentions).set({ count: row.count, firstOffset: row.firstOffset }).where(eq(mentions.id, id));
  }
  const stale = [...existingByKey.values()];
  await inBatches(stale, (batch) => tx.delete(mentions).where(inArray(mentions.id, batch)).returning({ id: mentions.id }));
  await inBatches(fresh, (batch) => tx.insert(mentions).values(batch).returning({ id: mentions.id }));
  return { personIds: [...byPerson.keys()], organizationIds: [...byOrganization.keys()] };
}

async function storeAffiliations(tx: Executor, extracted: ExtractedArticle, entities: ResolvedEntities) {
  const rows = extracted.affiliations.flatMap((affiliation) => {
    const personId = entities.personIds.get(affiliation.person);
    const organizationId = entities.organizationIds.get(affiliation.organization);
    if (personId === undefined || organizationId === undefined) return [];
    return [{ personId, organizationId, role: affiliation.role?.trim() || null }];
  });
  const unique = [...new Map(rows.map((row) => [`${row.personId}|${row.organizationId}|${lookupKey(row.role ?? '')}`, row])).values()];
  if (!unique.length) return;
  await inBatches(unique, (batch) => tx.insert(affiliations).values(batch).onConflictDoNothing().returning({ id: affiliations.id }));
  // "Brennan of the Fishermen's Association" says less than "Brennan, president of the
  // Fishermen's Association": a role-less tie is dropped once the pair has one with a role,
  // whichever article brought which.
  const other = alias(affiliations, 'roled');
  await tx.delete(affiliations).where(
    and(
      isNull(affiliations.role),
      sql`${affiliations.personId} = any(${sql.param([...new Set(unique.map((row) => row.personId))])}::int[])`,
      exists(
        tx
          .select({ one: sql`1` })
          .from(other)
          .where(and(eq(other.personId, affiliations.personId), eq(other.organizationId, affiliations.organizationId), isNotNull(other.role))),
      ),
    ),
  );
}

/** The people and organizations a re-ingested article pointed at before. */
async function previousLinks(tx: Executor, article: { id: number; created: boolean }): Promise<PreviousLinks> {
  if (article.created) return { personIds: new Set(), organizationIds: new Set() };
  const rows = await tx
    .select({ personId: mentions.personId, organizationId: mentions.organizationId })
    .from(mentions)
    .where(eq(mentions.articleId, article.id));
  return {
    personIds: new Set(rows.flatMap((row) => (row.personId === null ? [] : [row.personId]))),
    organizationIds: new Set(rows.flatMap((row) => (row.organizationId === null ? [] : [row.organizationId]))),
  };
}

function warningsFor(extracted: ExtractedArticle): string[] {
  const warnings: string[] = [];
  if (extracted.quotes.length === 0) warnings.push('no quotes found');
  extracted.quotes.forEach((quote, index) => {
    if (!quote.speaker) warnings.push(`speaker of quote ${index + 1} unresolved`);
  });
  return warnings;
}

/** Stores one extracted article with its quotes, entities, links and mentions, all or nothing. */
export async function ingestArticle(
  db: Database,
  extracted: ExtractedArticle,
  metadata: ArticleMetadata = {},
  options: { deadline?: WriteDeadline } = {},
): Promise<IngestResult> {
  checkOffsets(extracted);
  // Retried as a whole when a concurrent write got in the way (see write-locks.ts).
  return writeTransaction(db, async (tx) => {
    const article = await upsertArticleRow(tx, extracted, metadata);
    const found = withSpeakers(extracted);
    const previous = await previousLinks(tx, article);
    const entities = await resolveEntities(tx, found.people, found.organizations, previous);
    const storedQuotes = await storeQuotes(tx, article, extracted, entities);
    await storeRelatedLinks(tx, article.id, extracted);
    const mentioned = await storeMentions(tx, article.id, found, entities);
    await storeAffiliations(tx, extracted, entities);
    return {
      articleId: article.id,
      created: article.created,
      quoteIds: storedQuotes.ids,
      personIds: mentioned.personIds,
      organizationIds: mentioned.organizationIds,
      warnings: [...warningsFor(extracted), ...entities.warnings],
      change: {
        articles: [article.id],
        quotes: [...storedQuotes.ids, ...storedQuotes.removed],
        people: new Set([...mentioned.personIds, ...previous.personIds]),
        organizations: new Set([...mentioned.organizationIds, ...previous.organizationIds]),
        publishers: [article.publisherId, article.previousPublisherId].filter((id): id is number => id !== null),
      },
    };
  }, options);
}
