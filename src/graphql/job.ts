// Ingestion jobs (src/queue): what `ingestArticle(async: true)` returns and `job(id:)` follows.
import { apiError, ErrorCode } from '../errors.ts';
import { findJob, type IngestQueue, type JobInfo } from '../queue/ingest-queue.ts';
import { builder, type Context } from './builder.ts';

export const JobStateEnum = builder.enumType('JobState', {
  description: 'Where an ingestion job is.',
  values: {
    CREATED: { value: 'created', description: 'Waiting for a worker.' },
    RETRY: { value: 'retry', description: 'Failed; waiting to be tried again (with a growing delay).' },
    ACTIVE: { value: 'active', description: 'A worker is ingesting the article.' },
    COMPLETED: { value: 'completed', description: 'The article is stored.' },
    CANCELLED: { value: 'cancelled', description: 'Cancelled by an operator.' },
    FAILED: { value: 'failed', description: 'Failed on every try; `error` says why.' },
  } as const,
});

export const JobRef = builder.objectRef<JobInfo>('Job').implement({
  description: 'An article queued for ingestion. The same article sent again is the same job.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The job id, for `job(id:)`.' }),
    state: t.field({ type: JobStateEnum, resolve: (job) => job.state, description: 'Where the job is.' }),
    attempts: t.exposeInt('attempts', { description: 'Tries started so far.' }),
    error: t.exposeString('error', {
      nullable: true,
      description: 'Why the last try failed; null while none has.',
    }),
    article: t.drizzleField({
      type: 'articles',
      nullable: true,
      description: 'The article as stored, once the job is completed.',
      resolve: (query, job, _args, ctx) =>
        job.articleId === null ? null : ctx.db.query.articles.findFirst(query({ where: { id: job.articleId } })),
    }),
  }),
});

/** The queue of this server; absent only when the server was built without one. */
export function queueOf(ctx: Context): IngestQueue {
  if (!ctx.queue) throw apiError(ErrorCode.SERVICE_UNAVAILABLE, 'This server runs no ingestion queue.');
  return ctx.queue;
}

builder.queryFields((t) => ({
  job: t.field({
    type: JobRef,
    nullable: true,
    description: 'An ingestion job by id (from `ingestArticle(async: true)`); null when unknown.',
    args: { id: t.arg.id({ required: true, description: 'The job id.' }) },
    resolve: (_root, { id }, ctx) => findJob(queueOf(ctx), String(id)),
  }),
}));
