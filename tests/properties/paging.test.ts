// Property: on any generated graph (ties on every sort key, dates from year 1 to 9999), walking
// any connection page by page — forward with `first`/`after`, backward with `last`/`before`, or
// on from a cursor taken out of an earlier answer — visits exactly the rows of the unpaged list,
// in its order: no row skipped, none repeated. Every page is asked of the compiled read path and
// of ordinary execution, and both must answer it alike, pageInfo and cursors included.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.ts';
import type { App } from '../../src/server.ts';
import { createTestApp, execute } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';
import { clearGraph, DATES, graphPlan, storeGeneratedGraph, type StoredGraph } from '../support/generated-graph.ts';
import { allCasesWithin, propertySeed, runs, scaledTimeout } from '../support/property.ts';

const TOKEN = 'property-token-0123456789abcdef';
let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** A connection somewhere in the graph: how to ask for it with paging arguments, and where it is in the answer. */
interface Walkable {
  name: string;
  query: (paging: string) => string;
  at: (data: any) => any;
}

function walkables(g: StoredGraph, draw: fc.GeneratorValue): Walkable[] {
  const pick = <T>(values: readonly T[]) => draw(fc.constantFrom, ...values);
  const root = (field: string, args: string): Walkable => ({
    name: `${field}(${args})`,
    query: (paging) => `{ c: ${field}(${[args, paging].filter(Boolean).join(', ')}) { ${SELECTION} } }`,
    at: (data) => data.c,
  });
  const nested = (lookup: string, field: string): Walkable => ({
    name: `${lookup}.${field}`,
    query: (paging) => `{ o: ${lookup} { c: ${field}${paging ? `(${paging})` : ''} { ${SELECTION} } } }`,
    at: (data) => data.o?.c ?? { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false } },
  });
  const order = () => pick(['orderBy: NEWEST', 'orderBy: OLDEST', '']);
  const list: Walkable[] = [
    root('articles', order()),
    root('articles', `${order()}, filter: { publishedAfter: ${JSON.stringify(pick(DATES))} }`.replace(/^, /, '')),
    root('quotes', order()),
    root('quotes', `filter: { speakerName: ${JSON.stringify(pick(g.names))} }`),
    root('people', ''),
    root('organizations', ''),
    root('publishers', ''),
  ];
  if (g.ids.Person.length) {
    const id = JSON.stringify(pick(g.ids.Person));
    list.push(nested(`person(id: ${id})`, 'quotes'), nested(`person(id: ${id})`, 'articles'));
  }
  if (g.ids.Organization.length) {
    const id = JSON.stringify(pick(g.ids.Organization));
    list.push(nested(`organization(id: ${id})`, 'quotes'), nested(`organization(id: ${id})`, 'articles'));
    list.push(root('quotes', `filter: { organization: ${id} }`));
  }
  if (g.ids.Article.length) list.push(nested(`article(id: ${JSON.stringify(pick(g.ids.Article))})`, 'quotes'));
  if (g.ids.Publisher.length) {
    const id = JSON.stringify(pick(g.ids.Publisher));
    list.push({
      ...nested(`node(id: ${id})`, 'articles'),
      query: (paging) =>
        `{ o: node(id: ${id}) { ... on Publisher { c: articles${paging ? `(${paging})` : ''} { ${SELECTION} } } } }`,
    });
  }
  return list;
}

const SELECTION = 'edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

/** Both apps: the compiled read path on, and off. */
interface Apps {
  compiled: App;
  ordinary: App;
}

export const counts = { graphs: 0, walks: 0, pages: 0, compiledPages: 0, compiledBackward: 0 };

async function page({ compiled, ordinary }: Apps, walkable: Walkable, paging: string) {
  const response = await execute(compiled, walkable.query(paging));
  expect(response.errors, `${walkable.query(paging)}`).toBeUndefined();
  const plain = await execute(ordinary, walkable.query(paging));
  expect(JSON.stringify(response.data), `both paths: ${walkable.query(paging)}`).toBe(JSON.stringify(plain.data));
  if (response.extensions?.sql?.compiled) {
    counts.compiledPages += 1;
    if (/last:|before:/.test(paging)) counts.compiledBackward += 1;
  }
  return walkable.at(response.data) as {
    edges: { cursor: string; node: { id: string } }[];
    pageInfo: Record<string, any>;
  };
}

test(
  'paging forward, backward, and on from any cursor visits each row of the list once, in order',
  async () => {
    await fc.assert(
      fc.asyncProperty(graphPlan, fc.gen(), async (plan, draw) => {
        await clearGraph(database);
        const app: Apps = {
          compiled: createTestApp(database, { apiTokens: [TOKEN], compiledReads: true }),
          ordinary: createTestApp(database, { apiTokens: [TOKEN], compiledReads: false }),
        };
        const stored = await storeGeneratedGraph(database, app.compiled, TOKEN, plan);
        counts.graphs += 1;
        for (const walkable of walkables(stored, draw)) {
          const all = await page(app, walkable, 'first: 100');
          const ids = all.edges.map((edge) => edge.node.id);
          expect(new Set(ids).size, walkable.name).toBe(ids.length);
          const size = draw(fc.integer, { min: 1, max: 3 });

          const forward: string[] = [];
          let after: string | null = null;
          for (let guard = 0; guard <= ids.length + 1; guard += 1) {
            const current = await page(
              app,
              walkable,
              `first: ${size}${after ? `, after: ${JSON.stringify(after)}` : ''}`,
            );
            counts.pages += 1;
            forward.push(...current.edges.map((edge) => edge.node.id));
            if (!current.pageInfo.hasNextPage) break;
            after = current.pageInfo.endCursor;
          }
          expect(forward, `${walkable.name} forward by ${size}`).toEqual(ids);

          const backward: string[] = [];
          let before: string | null = null;
          for (let guard = 0; guard <= ids.length + 1; guard += 1) {
            const current = await page(
              app,
              walkable,
              `last: ${size}${before ? `, before: ${JSON.stringify(before)}` : ''}`,
            );
            counts.pages += 1;
            backward.unshift(...current.edges.map((edge) => edge.node.id));
            if (!current.pageInfo.hasPreviousPage) break;
            before = current.pageInfo.startCursor;
          }
          expect(backward, `${walkable.name} backward by ${size}`).toEqual(ids);

          if (ids.length) {
            const at = draw(fc.integer, { min: 0, max: ids.length - 1 });
            const rest = await page(app, walkable, `first: 100, after: ${JSON.stringify(all.edges[at]!.cursor)}`);
            expect(
              rest.edges.map((edge) => edge.node.id),
              `${walkable.name} after row ${at}`,
            ).toEqual(ids.slice(at + 1));
            const head = await page(app, walkable, `last: 100, before: ${JSON.stringify(all.edges[at]!.cursor)}`);
            expect(
              head.edges.map((edge) => edge.node.id),
              `${walkable.name} before row ${at}`,
            ).toEqual(ids.slice(0, at));
          }
          if (ids.length >= 2) {
            // A window between two cursors, read forward and backward.
            const from = draw(fc.integer, { min: 0, max: ids.length - 2 });
            const to = draw(fc.integer, { min: from + 1, max: ids.length - 1 });
            const between = `after: ${JSON.stringify(all.edges[from]!.cursor)}, before: ${JSON.stringify(all.edges[to]!.cursor)}`;
            for (const size of ['first: 100', 'last: 100']) {
              const window = await page(app, walkable, `${size}, ${between}`);
              expect(
                window.edges.map((edge) => edge.node.id),
                `${walkable.name} ${size} between rows ${from} and ${to}`,
              ).toEqual(ids.slice(from + 1, to));
            }
          }
          counts.walks += 1;
        }
      }),
      allCasesWithin(runs(3), scaledTimeout(60000)),
    );
    console.info(
      `paging (seed ${propertySeed}): ${counts.graphs} graphs, ${counts.walks} connections walked, ${counts.pages} pages, ${counts.compiledPages} requests compiled (${counts.compiledBackward} backward or before a cursor)`,
    );
    // The compiled path answered backward pages itself rather than falling back on all of them.
    expect(counts.compiledBackward).toBeGreaterThan(0);
  },
  scaledTimeout(60000),
);
