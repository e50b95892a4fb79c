// HTTP: Yoga on node:http. Cross-cutting concerns are plugins in one list; resolvers stay
// about data.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/client.ts';
import type { Context } from './graphql/builder.ts';
import { defaultGraphiqlQuery, exampleOperations } from './graphql/examples.ts';
import { schema } from './graphql/schema.ts';
import { useErrorCodes } from './plugins/error-codes.ts';
import { useSqlStatementCount } from './plugins/sql-statements.ts';
import { useWriteAccess } from './plugins/write-access.ts';

export interface AppDependencies {
  config: Config;
  database: DatabaseHandle;
  logger?: Logger;
}

export type App = YogaServerInstance<Record<string, unknown>, Omit<Context, 'writeAccess'>>;

export function createApp({ config, database }: AppDependencies): App {
  return createYoga<Record<string, unknown>, Omit<Context, 'writeAccess'>>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    logging: false,
    context: () => ({ db: database.db, config }),
    graphiql: {
      title: 'quotegraph',
      defaultQuery: defaultGraphiqlQuery,
      defaultTabs: [{ query: defaultGraphiqlQuery }, ...exampleOperations.slice(3).map((query) => ({ query }))],
    },
    plugins: [
      useReadinessCheck({ endpoint: '/readyz', check: () => database.ping() }),
      ...useWriteAccess(config, database.driver === 'pglite'),
      useSqlStatementCount({ report: config.debug }),
      useErrorCodes(),
    ],
  });
}

export interface RunningServer {
  server: Server;
  url: string;
  /** Stops accepting connections and resolves when in-flight requests have finished. */
  close(): Promise<void>;
}

export async function listen(app: App, config: Config): Promise<RunningServer> {
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${config.host === 'localhost' ? 'localhost' : host}:${address.port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
