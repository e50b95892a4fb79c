// Which people and organizations an article names, and how often.
import { eq, inArray } from 'drizzle-orm';
import { mentions, quotes } from '../db/schema.ts';
import { inBatches } from './batches.ts';
import type { Executor } from './transaction.ts';

export interface MentionTally {
  count: number;
  firstOffset: number;
}

/** What an article points at: its quotes, and the people and organizations it quotes or names. */
export interface ArticleReferences {
  quoteIds: number[];
  personIds: Set<number>;
  organizationIds: Set<number>;
}

export async function articleReferences(tx: Executor, articleId: number): Promise<ArticleReferences> {
  const quoteRows = await tx
    .select({ id: quotes.id, personId: quotes.speakerPersonId, organizationId: quotes.speakerOrganizationId })
    .from(quotes)
    .where(eq(quotes.articleId, articleId));
  const mentionRows = await tx
    .select({ personId: mentions.personId, organizationId: mentions.organizationId })
    .from(mentions)
    .where(eq(mentions.articleId, articleId));
  const all = [...quoteRows, ...mentionRows];
  return {
    quoteIds: quoteRows.map((row) => row.id),
    personIds: new Set(all.flatMap((row) => (row.personId === null ? [] : [row.personId]))),
    organizationIds: new Set(all.flatMap((row) => (row.organizationId === null ? [] : [row.organizationId]))),
  };
}

/**
 * Makes the article's mentions exactly these, updating rows in place so that writing the same
 * article again keeps every row (and id) as it was.
 */
export async function replaceArticleMentions(
  tx: Executor,
  articleId: number,
  tallies: { people: ReadonlyMap<number, MentionTally>; organizations: ReadonlyMap<number, MentionTally> },
): Promise<void> {
  const existing = await tx
    .select({ id: mentions.id, personId: mentions.personId, organizationId: mentions.organizationId })
    .from(mentions)
    .where(eq(mentions.articleId, articleId));
  const keyOf = (personId: number | null, organizationId: number | null) =>
    personId !== null ? `p${personId}` : `o${organizationId}`;
  const existingByKey = new Map(existing.map((row) => [keyOf(row.personId, row.organizationId), row.id]));
  const wanted = [
    ...[...tallies.people].map(([personId, m]) => ({ articleId, personId, organizationId: null, ...m })),
    ...[...tallies.organizations].map(([organizationId, m]) => ({ articleId, personId: null, organizationId, ...m })),
  ];
  const fresh = [];
  for (const row of wanted) {
    const id = existingByKey.get(keyOf(row.personId, row.organizationId));
    existingByKey.delete(keyOf(row.personId, row.organizationId));
    if (id === undefined) fresh.push(row);
    else await tx.update(mentions).set({ count: row.count, firstOffset: row.firstOffset }).where(eq(mentions.id, id));
  }
  const stale = [...existingByKey.values()];
  await inBatches(stale, (batch) =>
    tx.delete(mentions).where(inArray(mentions.id, batch)).returning({ id: mentions.id }),
  );
  await inBatches(fresh, (batch) => tx.insert(mentions).values(batch).returning({ id: mentions.id }));
}
