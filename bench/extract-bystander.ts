// A bystander's wait while a large article is being read: reads sent one after another while a
// 1 MB HTML article is ingested, with extraction on the main thread (as before) and on the
// extraction worker (as the ingestArticle mutation does now). In process, embedded PGlite.
//
//   npm run bench:bystander -- [--kilobytes 1000] [--rounds 3]
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { stopExtractionWorker } from '../src/ingest/extract-in-worker.ts';
import { ingestDocument } from '../src/ingest/document.ts';
import { createApp } from '../src/server.ts';

const { values: options } = parseArgs({
  options: { kilobytes: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '3' } },
});
const bytes = Number(options.kilobytes) * 1000;
const rounds = Number(options.rounds);

function article(round: number): string {
  const paragraph = (i: number) =>
    `<p>The harbour council met again on day ${i} to discuss the tidal scheme. "We will decide before winter, and the boats will keep their moorings," said Maria Okafor, the harbour master. Tomas Lindqvist of Northfield University said the survey needed another month.</p>`;
  const parts = [`<html><body><article><h1>A long article ${round}</h1>`];
  let size = parts[0]!.length;
  for (let i = 0; size < bytes; i++) {
    const part = paragraph(i);
    parts.push(part);
    size += part.length;
  }
  return `${parts.join('')}</article></body></html>`;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
};

async function main() {
  const handle = await openDatabase({ driver: 'pglite', dataDir: 'memory://' });
  await migrateDatabase(handle);
  const app = createApp({
    config: { ...loadConfig({ NODE_ENV: 'production', QUOTEGRAPH_CACHE: 'false' }) },
    database: handle,
  });
  const read = async () => {
    const started = performance.now();
    const response = await app.fetch('http://bench.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ articles(first: 5) { totalCount nodes { title } } }' }),
    });
    await response.text();
    return performance.now() - started;
  };
  // Warm both paths (extractor loaded here and in the worker), and the read.
  await ingestDocument(
    handle.db,
    { html: `${article(-1).slice(0, 20_000)}</article></body></html>` },
    { inWorker: false },
  );
  await ingestDocument(
    handle.db,
    { html: `${article(-2).slice(0, 20_000)}</article></body></html>` },
    { inWorker: true },
  );
  for (let i = 0; i < 20; i++) await read();
  const alone: number[] = [];
  for (let i = 0; i < 50; i++) alone.push(await read());

  const results: Record<string, { waits: number[]; ingestMs: number[] }> = {
    'main thread': { waits: [], ingestMs: [] },
    worker: { waits: [], ingestMs: [] },
  };
  let round = 0;
  for (let r = 0; r < rounds; r++) {
    for (const [mode, inWorker] of [
      ['main thread', false],
      ['worker', true],
    ] as const) {
      const html = article(round++);
      let done = false;
      const started = performance.now();
      // The ingest starts once the first read is under way, so every mode has a read in flight.
      // A client that means to read every 25 ms; a read's wait counts from when it was due, so a
      // stalled event loop shows as the reads it kept from being sent, not only the one in flight.
      const readsDuring = (async () => {
        const waits: number[] = [];
        let due = performance.now();
        while (!done) {
          const now = performance.now();
          // Each read a new event, as from a socket: PGlite answers in microtasks, and a loop of
          // them alone would never let the event loop (and so the worker's reply) through.
          await new Promise((resolve) => (due > now ? setTimeout(resolve, due - now) : setImmediate(resolve)));
          await read();
          waits.push(performance.now() - due);
          due += 25;
        }
        return waits;
      })();
      await new Promise((resolve) => setImmediate(resolve));
      await ingestDocument(handle.db, { html, url: `https://bench.test/long/${round}` }, { inWorker });
      results[mode]!.ingestMs.push(performance.now() - started);
      done = true;
      results[mode]!.waits.push(...(await readsDuring));
    }
  }
  await stopExtractionWorker();
  await handle.close();

  console.log(
    `# A bystander's wait during a ${Math.round(bytes / 1000)} kB HTML ingest (PGlite, in process, ${rounds} rounds)\n`,
  );
  console.log(
    '| extraction on | reads answered during the ingest | wait p50 ms | wait p99 ms | wait max ms | ingest ms |',
  );
  console.log('|---|---|---|---|---|---|');
  console.log(
    `| (no ingest, back to back) | — | ${percentile(alone, 0.5).toFixed(1)} | ${percentile(alone, 0.99).toFixed(1)} | ${Math.max(...alone).toFixed(1)} | — |`,
  );
  for (const [mode, { waits, ingestMs }] of Object.entries(results)) {
    console.log(
      `| ${mode} | ${(waits.length / rounds).toFixed(0)} per ingest | ${percentile(waits, 0.5).toFixed(1)} | ${percentile(waits, 0.99).toFixed(1)} | ${Math.max(...waits).toFixed(1)} | ${percentile(ingestMs, 0.5).toFixed(0)} |`,
    );
  }
  const main = results['main thread']!;
  const worker = results.worker!;
  console.log(
    `\nlongest wait, main thread / worker: ${(Math.max(...main.waits) / Math.max(...worker.waits)).toFixed(1)}×`,
  );
}

await main();
