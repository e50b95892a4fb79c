// quotegraph in-process on a postgres.js client that records every statement it sends, with
// its parameters: the exact SQL behind a GraphQL request, for counting and for EXPLAIN.
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Config } from '../src/config.ts';
import type { Database, DatabaseHandle } from '../src/db/client.ts';
import { relations } from '../src/db/relations.ts';
import { createApp } from '../src/server.ts';

export interface CapturedStatement {
  text: string;
  parameters: unknown[];
}

export interface CapturingApp {
  /** Runs one GraphQL request; returns its JSON body and the statements it ran. */
  request(body: {
    query: string;
    variables: Record<string, unknown>;
  }): Promise<{ json: unknown; statements: CapturedStatement[] }>;
  /** A plain client on the same database, for EXPLAIN. */
  client: postgres.Sql;
  close(): Promise<void>;
}

export function capturingApp(url: string, config: Config): CapturingApp {
  let current: CapturedStatement[] | null = null;
  const client = postgres(url, {
    max: 1,
    onnotice: () => {},
    debug: (_connection, text, parameters) => {
      current?.push({ text, parameters: [...(parameters as unknown[])] });
    },
  });
  const database: DatabaseHandle = {
    db: drizzle({ client, relations }) as unknown as Database,
    driver: 'postgres',
    ping: async () => true,
    close: () => client.end({ timeout: 5 }),
  };
  const app = createApp({ config, database });
  const plain = postgres(url, { max: 1, onnotice: () => {} });
  // The first query on a connection also fetches array types; keep that out of the captures.
  const ready = client`select 1`;
  return {
    client: plain,
    async request(body) {
      await ready;
      const statements: CapturedStatement[] = [];
      current = statements;
      try {
        const response = await app.fetch('http://bench.local/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return { json: await response.json(), statements };
      } finally {
        current = null;
      }
    },
    async close() {
      await database.close();
      await plain.end({ timeout: 5 });
    },
  };
}
