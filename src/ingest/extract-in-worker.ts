// Extraction off the main thread. Reading a large or hostile page takes the CPU for seconds;
// on the server's event loop that would stall every other request (and the timeout that should
// answer this one). One worker, started on first use and kept, takes the articles in turn:
// ingestion is rare next to reads, and one core stays free for answering them.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ExtractError, type ExtractErrorCode } from '../extract/errors.ts';
import type { ExtractedArticle, ExtractInput } from '../extract/types.ts';

type Reply =
  | { id: number; article: ExtractedArticle }
  | {
      id: number;
      error: { extract: true; code: ExtractErrorCode; message: string } | { extract: false; message: string };
    };

interface Pending {
  resolve(article: ExtractedArticle): void;
  reject(error: Error): void;
}

let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let nextId = 1;

function failAll(error: Error) {
  for (const request of pending.values()) request.reject(error);
  pending.clear();
}

function startWorker(): Worker {
  const here = fileURLToPath(import.meta.url);
  const entry = path.join(path.dirname(here), `extract-worker${path.extname(here)}`);
  // Run from TypeScript sources (tsx, tests): the worker needs the same loader as this thread.
  // Run from TypeScript sources (tsx, tests), the worker has to be taught TypeScript itself: the
  // loader of this thread is not inherited, and on Node 20 an ES-module loader registered inside
  // a worker does not apply to it. tsx's require hook does, synchronously, so the worker loads
  // its entry through require.
  const started = entry.endsWith('.ts')
    ? new Worker(
        `require(${JSON.stringify(createRequire(import.meta.url).resolve('tsx/cjs/api'))}).register();
         require(${JSON.stringify(entry)});`,
        { eval: true },
      )
    : new Worker(entry);
  // An idle worker must not keep a finished CLI run or test process alive.
  started.unref();
  started.on('message', (reply: Reply) => {
    const request = pending.get(reply.id);
    if (!request) return;
    pending.delete(reply.id);
    if ('article' in reply) request.resolve(reply.article);
    else if (reply.error.extract) request.reject(new ExtractError(reply.error.code, reply.error.message));
    else request.reject(new Error(`extraction failed: ${reply.error.message}`));
  });
  started.on('error', (error) => {
    worker = null;
    failAll(error);
  });
  started.on('exit', (code) => {
    if (worker === started) worker = null;
    failAll(new Error(`the extraction worker stopped (exit code ${code})`));
  });
  return started;
}

/** `extractArticle(input)`, computed on the extraction worker. */
export function extractInWorker(input: ExtractInput): Promise<ExtractedArticle> {
  worker ??= startWorker();
  const id = nextId++;
  const result = new Promise<ExtractedArticle>((resolve, reject) => pending.set(id, { resolve, reject }));
  worker.postMessage({ id, input });
  return result;
}

/** Stops the worker (a new one starts on the next call). */
export async function stopExtractionWorker(): Promise<void> {
  const running = worker;
  worker = null;
  if (running) await running.terminate();
}
