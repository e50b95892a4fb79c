// The worker side of extract-in-worker.ts: reads articles off the main thread, one at a time.
import { parentPort } from 'node:worker_threads';
import { extractArticle, isExtractError } from '../extract/index.ts';
import type { ExtractInput } from '../extract/types.ts';

parentPort?.on('message', (message: { id: number; input: ExtractInput }) => {
  try {
    parentPort?.postMessage({ id: message.id, article: extractArticle(message.input) });
  } catch (error) {
    parentPort?.postMessage({
      id: message.id,
      error: isExtractError(error)
        ? { extract: true, code: error.code, message: error.message }
        : { extract: false, message: error instanceof Error ? error.message : String(error) },
    });
  }
});
