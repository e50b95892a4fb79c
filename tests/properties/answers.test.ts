// Property: on any generated graph, any generated read operation gets the same answer, byte for
// byte, from the compiled read path, from the Pothos resolvers, and from an app with the
// response cache on (asked twice, so the second answer comes from the cache). See
// tests/support/generated-graph.ts and tests/support/operations.ts for what is generated.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { createTestApp, execute, testConfig } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';
import { clearGraph, graphPlan, storeGeneratedGraph } from '../support/generated-graph.ts';
import { readOperation } from '../support/operations.ts';
import { allCasesWithin, propertySeed, runs, scaledTimeout } from '../support/property.ts';

const TOKEN = 'property-token-0123456789abcdef';
let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** The part of a response that must agree: data and errors, as the client reads them. */
const answer = (response: { data?: unknown; errors?: unknown }) =>
  JSON.stringify({ data: response.data, errors: response.errors });

export const counts = { graphs: 0, operations: 0, compiled: 0 };

test(
  'compiled path, resolvers and cached app answer every generated operation identically',
  async () => {
    await fc.assert(
      fc.asyncProperty(graphPlan, fc.gen(), async (plan, draw) => {
        await clearGraph(database);
        const compiled = createTestApp(database, { apiTokens: [TOKEN] });
        const resolvers = createTestApp(database, { compiledReads: false, apiTokens: [TOKEN] });
        const cached = createTestApp(database, { cache: { ...testConfig().cache, enabled: true } });
        const stored = await storeGeneratedGraph(database, compiled, TOKEN, plan);
        counts.graphs += 1;
        // Twelve operations per graph at any scale: the scale multiplies the graphs, so the work
        // grows as the time limit does (scaled both ways, test:long's work grew a hundredfold).
        for (let i = 0; i < 12; i += 1) {
          // Half the operations keep to what the compiled path answers, so it is really compared.
          const operation = draw(readOperation, stored, i % 2 === 0);
          const viaResolvers = await execute(resolvers, operation.query, operation.variables);
          const viaCompiled = await execute(compiled, operation.query, operation.variables);
          const viaCache = [
            await execute(cached, operation.query, operation.variables),
            await execute(cached, operation.query, operation.variables),
          ];
          counts.operations += 1;
          if (viaCompiled.extensions?.sql?.compiled) counts.compiled += 1;
          for (const error of viaResolvers.errors ?? []) {
            expect(error.extensions?.code, `${operation.query}\n${JSON.stringify(error)}`).not.toBe(
              'INTERNAL_SERVER_ERROR',
            );
          }
          const expected = answer(viaResolvers);
          expect(answer(viaCompiled), operation.query).toBe(expected);
          expect(answer(viaCache[0]!), operation.query).toBe(expected);
          expect(answer(viaCache[1]!), operation.query).toBe(expected);
        }
      }),
      allCasesWithin(runs(4), scaledTimeout(60000)),
    );
    console.info(
      `answers (seed ${propertySeed}): ${counts.graphs} graphs, ${counts.operations} operations (${counts.compiled} answered by the compiled path)`,
    );
  },
  scaledTimeout(60000),
);
