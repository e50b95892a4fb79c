// The node:http front door: refuses oversized bodies before Yoga reads them, hands small ones
// over already read, and closes gracefully.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config.ts';
import type { App } from './app.ts';

export interface RunningServer {
  server: Server;
  url: string;
  /** Stops accepting connections and resolves when in-flight requests have finished. */
  close(): Promise<void>;
}

/**
 * Bodies up to this size (every ordinary query) are read here and handed to Yoga whole: the
 * Fetch-API adapter then skips its stream pipeline and abort bookkeeping, a fifth of the CPU
 * of a small request. Larger bodies (articles to ingest) keep streaming.
 */
const PRE_READ_BYTES = 16 * 1024;

function preRead(request: IncomingMessage, then: () => void) {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.once('end', () => {
    // @whatwg-node/server takes a body it finds on the request as already read.
    (request as IncomingMessage & { body?: string }).body = Buffer.concat(chunks).toString('utf8');
    then();
  });
}

/**
 * Refuses a body that declares more than the limit before Yoga reads it. A body of unknown length
 * (chunked) goes on to Yoga, where the body-limit plugin counts it as it streams.
 */
function limitBodySize(app: App, maxBytes: number) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      response.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
      response.end(
        JSON.stringify({
          errors: [
            {
              message: `The request body is larger than ${maxBytes} bytes.`,
              extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' },
            },
          ],
        }),
      );
      // Stop reading what is left of the body: close the connection once the answer is out.
      response.once('finish', () => request.destroy());
      return;
    }
    if (request.method === 'POST' && declared > 0 && declared <= PRE_READ_BYTES) {
      preRead(request, () => void app(request, response));
      return;
    }
    void app(request, response);
  };
}

export async function listen(app: App, config: Config): Promise<RunningServer> {
  const server = createServer(limitBodySize(app, config.limits.bodyBytes));
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
