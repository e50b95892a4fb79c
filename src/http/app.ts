// The GraphQL app: Yoga with the schema and, in one list, the plugins for cross-cutting concerns
// (resolvers stay about data). listen.ts puts it on node:http.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import pino from 'pino';
import { graphVersionOf } from '../cache/graph-version.ts';
import { openAnswerStore, useResponseCache, type AnswerStore } from '../cache/response-cache.ts';
import type { IngestQueue } from '../queue/ingest-queue.ts';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import type { Context } from '../graphql/builder.ts';
import { exampleOperations } from '../graphql/examples.ts';
import type { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { schema } from '../graphql/schema.ts';
import type { Logger } from '../logger.ts';
import { createLiveFeed } from '../graphql/live/feed.ts';
import { useBodyLimit } from './plugins/body-limit.ts';
import { useReadiness } from './plugins/readiness.ts';
import { useCsrfPrevention } from './plugins/csrf.ts';
import { useCompiledReads } from '../graphql/plugins/compiled-reads.ts';
import { useErrorCodes } from './plugins/error-codes.ts';
import { useExecutionTimeout } from '../graphql/execution-timeout.ts';
import { maskedErrors } from './plugins/mask-errors.ts';
import { useQueryLimits } from '../graphql/plugins/query-limits.ts';
import { useRateLimits } from './plugins/rate-limit.ts';
import { useMetrics } from './plugins/metrics.ts';
import { useTracing } from './plugins/tracing.ts';
import { useRequestLog } from './plugins/request-log.ts';
import { useRequestShape } from './plugins/request-shape.ts';
import { useReadRetry } from './plugins/retry-reads.ts';
import { LSN_HEADER, useReadReplicas } from './plugins/read-replicas.ts';
import { ReadRouter } from '../db/replicas.ts';
import type { GraphVersion } from '../cache/graph-version.ts';
import type { Database } from '../db/client.ts';
import { useSqlStatementCount } from '../graphql/plugins/sql-statements.ts';
import { useTrustedDocuments } from './plugins/trusted-documents.ts';
import { useWriteAccess } from './plugins/write-access.ts';

export interface AppDependencies {
  config: Config;
  database: DatabaseHandle;
  logger?: Logger;
  /** The response cache's store, shared by several apps (tests); otherwise opened from the configuration. */
  cache?: AnswerStore;
  /** The ingestion queue (src/queue), for async ingestion and job lookups. */
  queue?: IngestQueue;
}

type ServerContext = { req?: IncomingMessage; res?: ServerResponse };
export type App = YogaServerInstance<ServerContext, Omit<Context, 'writeAccess'>>;

// GraphiQL's bundle is 9 MB of scripts and styles held as strings: about 33 MB of heap and 70 MB of
// RSS once loaded. It is loaded on the first request for the page, so a process that only answers
// queries never carries it.
let graphiqlPage: { options: string; html: Promise<string> } | undefined;
function renderGraphiQLOnce(options: Parameters<typeof renderGraphiQL>[0]): Promise<string> {
  const key = JSON.stringify(options ?? {});
  if (graphiqlPage?.options !== key) {
    const html = import('@graphql-yoga/render-graphiql').then((bundle) => bundle.renderGraphiQL(options));
    graphiqlPage = { options: key, html };
  }
  return graphiqlPage.html;
}

export function createApp({
  config,
  database,
  logger = pino({ level: 'silent' }),
  cache,
  queue,
}: AppDependencies): App {
  const development = config.env === 'development';
  const answers = cache ?? openAnswerStore(config);
  const rateLimits = useRateLimits(config);
  // Subscriptions: one LISTEN per app, opened by the first subscriber.
  const live = database.listen ? createLiveFeed(database, config.subscriptions, logger) : undefined;
  // Queries read from the replicas, if any: the request's `db` starts as the primary and
  // useReadReplicas swaps it for a query operation (the one place a request's database is chosen).
  const router = database.readReplicas?.length
    ? new ReadRouter(
        database.db,
        database.readReplicas.map(({ name, handle }) => ({ name, db: handle.db })),
        {
          down: (replica, error) =>
            logger.warn({ replica, err: error }, 'read replica unavailable: reading from the primary'),
          up: (replica) => logger.info({ replica }, 'read replica available again'),
          conflict: (replica) =>
            logger.info({ replica }, 'read replica cancelled a query (recovery conflict): answered by the primary'),
        },
      )
    : undefined;
  // The response cache compares an answer's graph version with the version where the query reads.
  const versions = new Map<Database, GraphVersion>();
  const versionOf = (db: Database) => {
    let version = versions.get(db);
    if (!version) versions.set(db, (version = graphVersionOf(db)));
    return version;
  };
  return createYoga<ServerContext, Omit<Context, 'writeAccess'>>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    logging: false,
    maskedErrors: maskedErrors(logger, development),
    batching: config.limits.batch > 0 ? { limit: config.limits.batch } : false,
    // useBodyLimit below instead: the same limit, without counting bodies already read whole.
    maxRequestBodySize: false,
    // No cross-origin reads unless origins are listed: Yoga's CORS would answer any origin by default.
    cors:
      config.corsOrigins.length === 0
        ? false
        : {
            origin: config.corsOrigins.includes('*') ? '*' : config.corsOrigins,
            credentials: false,
            maxAge: 600,
            // A browser client may read the position it has written up to and send it back.
            ...(router ? { exposedHeaders: [LSN_HEADER] } : {}),
          },
    context: () => ({ db: database.db, config, ...(live ? { live } : {}), ...(queue ? { queue } : {}) }),
    // GraphiQL's scripts, styles and editor workers come with the page (render-graphiql bundles
    // them), so it works with no network beyond this server; the page is rendered once.
    renderGraphiQL: renderGraphiQLOnce,
    graphiql: config.graphiql
      ? {
          title: 'quotegraph',
          // One tab per example operation, the whole story first: each tab holds one operation,
          // so Run runs it.
          defaultQuery: exampleOperations[0],
          defaultTabs: exampleOperations.map((query) => ({ query })),
          headers: JSON.stringify({ 'x-graphql-yoga-csrf': 'graphiql' }),
        }
      : false,
    plugins: [
      // Without the database nothing can be answered; without the cache everything still can.
      useReadiness('/readyz', async () => {
        if (!(await database.ping())) return false;
        const problem = answers?.problem();
        return problem ? Response.json({ status: 'degraded', cache: problem }) : true;
      }),
      useCsrfPrevention(),
      useBodyLimit(config.limits.bodyBytes),
      useRequestShape(),
      // Before anything reads the query: a persisted document's hash becomes its text here.
      useTrustedDocuments(config.trustedDocuments),
      ...(config.introspection ? [] : [useDisableIntrospection()]),
      useRequestLog(logger),
      ...(config.metrics ? useMetrics() : []),
      ...useTracing(config.tracing),
      // Spent before authorisation, so that failed authentications spend a budget too.
      rateLimits.writes,
      // Before the limits and the cache read variables: a caller without write access learns nothing of a mutation's input.
      ...useWriteAccess(config, database.driver === 'pglite'),
      ...useQueryLimits(config.limits, { suggestions: development }),
      rateLimits.expensive,
      // First of the plugins that wrap execution (response cache, read retry, timeout, statement
      // count), so that they wrap both paths alike.
      ...(config.compiledReads ? [useCompiledReads()] : []),
      // Wraps both paths, and chooses the query's database before the response cache reads its version there.
      ...(router
        ? [useReadReplicas(router, { readYourWritesMs: config.readYourWritesMs, trustProxy: config.trustProxy })]
        : []),
      ...(answers
        ? [
            useResponseCache({
              store: answers,
              version: versionOf(database.db),
              versionAt: (context) => versionOf((context as { db: Database }).db),
              logger,
              debug: config.debug,
            }),
          ]
        : []),
      ...(live ? [{ onDispose: () => live.close() }] : []),
      // A store this app opened is closed with it; one it was given belongs to the giver.
      ...(answers && !cache ? [{ onDispose: () => answers.close() }] : []),
      // Listed before the timeout, so the timeout covers both attempts.
      useReadRetry({ pauseMs: 150 }),
      useExecutionTimeout(config.limits.executionTimeoutMs),
      useSqlStatementCount({ report: config.debug }),
      useErrorCodes({ development }),
    ],
  });
}
