// Pieces every mutation uses: input checks, payload shapes, and keeping positions dense.
import { eq, sql } from 'drizzle-orm';
import type { GraphChange } from '../store/change.ts';
import { z } from 'zod';
import type { Database } from '../db/client.ts';
import { quotes, relatedLinks } from '../db/schema.ts';
import type { Executor } from '../store/transaction.ts';
import { writeTransaction } from '../store/transaction.ts';
import { operationDeadline } from '../plugins/execution-timeout.ts';
import { builder } from './builder.ts';
import { notFound } from './errors.ts';

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Shared input rules, so the same field is checked the same way in every mutation. */
export const rules = {
  name: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
  aliases: z.array(z.string().trim().min(1, 'must not be empty').max(300)).max(200, 'at most 200 aliases'),
  description: z.string().max(5000, 'must be at most 5000 characters'),
  title: z.string().trim().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters'),
  shortText: z.string().max(5000, 'must be at most 5000 characters'),
  quoteText: z.string().min(1, 'must not be empty').max(20_000, 'must be at most 20000 characters'),
  role: z.string().trim().max(300, 'must be at most 300 characters'),
  url: z
    .string()
    .max(2048, 'must be at most 2048 characters')
    .refine((value) => {
      try {
        return ['http:', 'https:'].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, 'must be an absolute http(s) URL'),
  language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be an ISO 639-1 code such as "en"'),
  offset: z.number().int().min(0, 'must not be negative'),
  confidence: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
  publisher: z.string().trim().min(1, 'must not be empty').max(300),
};

/**
 * Runs a write in one transaction, retried from the start when a concurrent write got in its way
 * (see store/transaction.ts). `work` returns the mutation's payload and what it changed.
 * (Cached answers need no telling: the commit raises the graph's version.)
 */
export async function commitAndInvalidate<T>(
  ctx: { db: Database },
  work: (tx: Transaction) => Promise<{ payload: T; change: GraphChange }>,
): Promise<T> {
  const deadline = operationDeadline(ctx);
  const { payload } = await writeTransaction(ctx.db, work, deadline ? { deadline } : {});
  return payload;
}

/** The row, or a NOT_FOUND error naming the input field that pointed at nothing. */
export function found<T>(row: T | undefined | null, what: string, field: string): T {
  if (row == null) throw notFound(`No ${what} with this id.`, field);
  return row;
}

/**
 * Rewrites an article's quote positions to 0..n-1 in reading order (by start offset). Two steps
 * because (article_id, position) is unique and must hold after every statement.
 */
export async function renumberQuotes(tx: Executor, articleId: number): Promise<void> {
  await tx.update(quotes).set({ position: sql`-1 - ${quotes.position}` }).where(eq(quotes.articleId, articleId));
  await tx.execute(sql`
    update ${quotes} set position = ordered.rank
    from (select id, (row_number() over (order by start_offset, end_offset, id) - 1)::int as rank
          from ${quotes} where article_id = ${articleId}) as ordered
    where ${quotes.id} = ordered.id`);
}

/** Rewrites an article's related-link positions to 0..n-1, keeping their order. */
export async function renumberRelatedLinks(tx: Executor, articleId: number): Promise<void> {
  await tx
    .update(relatedLinks)
    .set({ position: sql`-1 - ${relatedLinks.position}` })
    .where(eq(relatedLinks.articleId, articleId));
  await tx.execute(sql`
    update ${relatedLinks} set position = ordered.rank
    from (select id, (row_number() over (order by -1 - position) - 1)::int as rank
          from ${relatedLinks} where article_id = ${articleId}) as ordered
    where ${relatedLinks.id} = ordered.id`);
}

export const DeletePayload = builder.objectRef<{ deletedId: string }>('DeletePayload').implement({
  description: 'The result of a delete.',
  fields: (t) => ({
    deletedId: t.exposeID('deletedId', { description: 'Global ID of the object that was deleted.' }),
  }),
});
