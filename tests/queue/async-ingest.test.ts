// ingestArticle(async: true) through the real app: it answers at once with a job, the same
// article sent again is the same job, and job(id:) follows it to the stored article. The jobs are
// run in this process, as the server does on the embedded database.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createApp, type App } from '../../src/server.ts';
import { runIngestWorkers } from '../../src/queue/ingest-queue.ts';
import { execute, testConfig } from '../support/app.ts';
import { eventually, openQueueTestDatabase, type QueueTestDatabase } from './queue-database.ts';

const TOKEN = 'queue-test-token-0123456789';
let test_: QueueTestDatabase;
let app: App;

beforeEach(async () => {
  test_ = await openQueueTestDatabase();
  const queue = await test_.openQueue({ retryDelaySeconds: 0 }, { maintenance: true });
  app = createApp({ config: testConfig({ apiTokens: [TOKEN] }), database: test_.database, queue });
  await runIngestWorkers(queue, test_.database.db, { concurrency: 1, pollingIntervalSeconds: 0.5 });
});
afterEach(async () => {
  await test_.close();
});

const INGEST = /* GraphQL */ `
  mutation ($input: IngestArticleInput!, $async: Boolean) {
    ingestArticle(input: $input, async: $async) {
      created
      article { title }
      quotes { text }
      job { id state attempts error }
    }
  }
`;
const JOB = /* GraphQL */ `
  query ($id: ID!) {
    job(id: $id) { id state attempts error article { title url quotes(first: 5) { totalCount } } }
  }
`;
const input = {
  text: 'Harbour bridge to reopen\n\n"The bridge will carry traffic again by spring," said Mayor Lena Fisk on Monday.',
  url: 'https://news.example/harbour-bridge',
};
const write = (source: string, variables: Record<string, unknown>) =>
  execute(app, source, variables, { authorization: `Bearer ${TOKEN}` });

test('an async ingestion answers with a job that job(id:) follows to the stored article', async () => {
  const first = await write(INGEST, { input, async: true });
  expect(first.errors).toBeUndefined();
  const payload = first.data!.ingestArticle;
  expect(payload).toMatchObject({ created: true, article: null, quotes: [] });
  expect(['CREATED', 'ACTIVE', 'COMPLETED']).toContain(payload.job.state);

  const again = await write(INGEST, { input, async: true });
  expect(again.data!.ingestArticle).toMatchObject({ created: false, job: { id: payload.job.id } });

  const done = await eventually(
    async () => {
      const answer = await execute(app, JOB, { id: payload.job.id });
      return answer.data?.job?.state === 'COMPLETED' ? answer.data.job : undefined;
    },
    20_000,
    'the job to complete',
  );
  expect(done).toMatchObject({
    attempts: 1,
    error: null,
    article: { title: 'Harbour bridge to reopen', url: input.url, quotes: { totalCount: 1 } },
  });
});

test('without async the payload is as before, with no job', async () => {
  const answer = await write(INGEST, { input });
  expect(answer.errors).toBeUndefined();
  expect(answer.data!.ingestArticle).toMatchObject({
    created: true,
    article: { title: 'Harbour bridge to reopen' },
    job: null,
  });
});

test('an unknown job is null; bad input is refused before anything is queued', async () => {
  const unknown = await execute(app, JOB, { id: '00000000-0000-4000-8000-000000000000' });
  expect(unknown.data).toEqual({ job: null });
  const refused = await write(INGEST, { input: { text: '   ' }, async: true });
  expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const counts = await execute(app, JOB, { id: 'not-a-job' });
  expect(counts.data).toEqual({ job: null });
});
