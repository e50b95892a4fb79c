// Pieces every mutation uses: input rules, running a store write, and payload shapes.
import { z } from 'zod';
import type { Executor } from '../store/transaction.ts';
import { writeTransaction } from '../store/transaction.ts';
import { builder, type Context } from './builder.ts';
import { notFound } from '../errors.ts';
import { fromDomainError } from './domain-errors.ts';
import { EntityIdTypes } from './ids.ts';

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
 * Runs a store write in one transaction under the operation's deadline, retried from the start
 * when a concurrent write got in its way (see store/transaction.ts), and answers with its result.
 * (Cached answers need no telling: the commit raises the graph's version.)
 */
export async function runWrite<T>(
  ctx: Pick<Context, 'db' | 'writeDeadline'>,
  work: (tx: Executor) => Promise<T>,
): Promise<T> {
  try {
    return await writeTransaction(ctx.db, work, ctx.writeDeadline ? { deadline: ctx.writeDeadline } : {});
  } catch (error) {
    throw fromDomainError(error);
  }
}

/** The row read back for a payload, or NOT_FOUND naming the input field. */
export function found<T>(row: T | undefined | null, what: string, field: string): T {
  if (row == null) throw notFound(`No ${what} with this id.`, field);
  return row;
}

export const DeletePayload = builder.objectRef<{ deletedId: string }>('DeletePayload').implement({
  description: 'The result of a delete.',
  fields: (t) => ({
    deletedId: t.exposeID('deletedId', { description: 'Global ID of the object that was deleted.' }),
  }),
});

export const DeleteEntityInput = builder.inputType('DeleteEntityInput', {
  description: 'The person or organization to delete.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: EntityIdTypes, description: 'Global ID.' }),
  }),
});
