// How long the service takes to answer or refuse each kind of hostile request, and how long a
// bystander sent at the same moment waits, both as ratios to a plain small query on the same
// server. Runs the real service as a child process (`quotegraph serve`, embedded database in
// memory, demo graph seeded, the response cache on as by default) and talks to it over real
// sockets, one request at a time so the figures are not queueing noise.
//
//   npm run bench:hostile [-- --repeat 3 --timeout 120 --kinds chain,wide,deep,aliases,list,directives]
import { parseArgs } from 'node:util';
import { httpRequest, startService, type HttpResult } from '../tests/support/service-process.ts';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : Number.NaN;
};

const PLAIN = JSON.stringify({ query: '{ articles(first: 1) { totalCount } }' });
const BYSTANDER = JSON.stringify({ query: '{ people(first: 1) { totalCount } }' });

function fragmentChain(count: number, type: string, leaf: string): string {
  return Array.from({ length: count }, (_, i) =>
    i < count - 1 ? `fragment F${i} on ${type} { ...F${i + 1} ...F${i + 1} }` : `fragment F${i} on ${type} { ${leaf} }`,
  ).join('\n');
}

/** Each kind of hostile request, at the sizes the issue reported. */
function hostileRequests(): { kind: string; name: string; body: string }[] {
  const filtered = 'query Q($f: ArticleFilter) { articles(first: 1, filter: $f) { totalCount } }';
  const wide = (keys: number) =>
    JSON.stringify({
      query: filtered,
      variables: { f: Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, i])) },
    });
  const deep = (depth: number) =>
    `{"query":${JSON.stringify(filtered)},"variables":{"f":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}`;
  return [
    {
      kind: 'chain',
      name: '40-fragment chain on Query (2 KB)',
      body: JSON.stringify({ query: `{ ...F0 }\n${fragmentChain(40, 'Query', '__typename')}` }),
    },
    {
      kind: 'chain',
      name: '40-fragment chain on a connection',
      body: JSON.stringify({
        query: `{ articles(first: 1) { totalCount ...F0 } }\n${fragmentChain(40, 'QueryArticlesConnection', '__typename')}`,
      }),
    },
    { kind: 'wide', name: 'input object, 2 000 unknown keys', body: wide(2_000) },
    { kind: 'wide', name: 'input object, 6 000 unknown keys (60 KB)', body: wide(6_000) },
    { kind: 'wide', name: 'input object, 8 000 unknown keys', body: wide(8_000) },
    { kind: 'deep', name: 'variables nested 5 000 deep', body: deep(5_000) },
    {
      kind: 'aliases',
      name: '400 aliases',
      body: JSON.stringify({
        query: `{ ${Array.from({ length: 400 }, (_, i) => `a${i}: articles(first: 1) { totalCount }`).join(' ')} }`,
      }),
    },
    {
      kind: 'list',
      name: '20 000 invalid list items',
      body: JSON.stringify({
        query: 'query L($ids: [ID!]!) { nodes(ids: $ids) { id } }',
        variables: { ids: Array.from({ length: 20_000 }, (_, i) => ({ i })) },
      }),
    },
    {
      kind: 'directives',
      name: '400 directives',
      body: JSON.stringify({ query: `{ ${'... @include(if: true) { __typename } '.repeat(400)}}` }),
    },
  ];
}

const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

async function post(url: string, body: string, timeoutMs: number): Promise<HttpResult | null> {
  try {
    return await httpRequest(url, { method: 'POST', headers, body, timeoutMs });
  } catch {
    return null;
  }
}

const outcome = (result: HttpResult | null) =>
  result ? `${result.status} ${/"code":"([A-Z_]+)"/.exec(result.text)?.[1] ?? 'ok'}` : 'no answer';

async function main() {
  const { values } = parseArgs({
    options: {
      repeat: { type: 'string', default: '3' },
      timeout: { type: 'string', default: '120' },
      kinds: { type: 'string', default: 'all' },
    },
  });
  const repeat = Number(values.repeat);
  const timeoutMs = Number(values.timeout) * 1000;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const service = await startService({
    env: { QUOTEGRAPH_DATA_DIR: 'memory://', QUOTEGRAPH_SEED_DEMO: 'true' },
    retainLogs: false,
    startTimeoutMs: 120_000,
  });
  try {
    // Warm up, then the plain query's own time and a bystander's time with nothing else going on.
    for (let i = 0; i < 20; i++) await post(service.url, PLAIN, timeoutMs);
    const plain: number[] = [];
    for (let i = 0; i < 30; i++)
      plain.push((await post(service.url, i % 2 ? PLAIN : BYSTANDER, timeoutMs))?.ms ?? Number.NaN);
    const base = median(plain);
    log(`plain small query: ${base.toFixed(1)} ms (median of 30)`);
    console.log(`| hostile request | bytes | answer | refuse / plain | bystander wait / plain |`);
    console.log(`|---|---:|---|---:|---:|`);
    const chosen = hostileRequests().filter(
      (request) => values.kinds === 'all' || values.kinds.split(',').includes(request.kind),
    );
    for (const request of chosen) {
      const refuse: number[] = [];
      const wait: number[] = [];
      let answer = '';
      for (let i = 0; i < repeat; i++) {
        const hostile = post(service.url, request.body, timeoutMs);
        // The bystander leaves just after the hostile request, once its body is on the way.
        await new Promise((resolve) => setTimeout(resolve, 5));
        const bystander = await post(service.url, BYSTANDER, timeoutMs);
        const result = await hostile;
        answer = outcome(result);
        refuse.push(result?.ms ?? timeoutMs);
        wait.push(bystander?.ms ?? timeoutMs);
        // Let the service settle before the next round.
        for (let j = 0; j < 3; j++) await post(service.url, PLAIN, timeoutMs);
      }
      const ratio = (ms: number) => `${(ms / base).toFixed(1)}× (${ms.toFixed(0)} ms)`;
      console.log(
        `| ${request.name} | ${request.body.length} | ${answer} | ${ratio(median(refuse))} | ${ratio(median(wait))} |`,
      );
    }
    console.log(`\nplain small query: ${base.toFixed(1)} ms; medians of ${repeat}; node ${process.version}.`);
  } finally {
    await service.stop();
  }
}

await main();
