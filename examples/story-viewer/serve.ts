// Serves the built viewer (dist/) and passes /graphql on to a quotegraph server, so the browser
// sees one origin: no CORS, and the API needs no change to be used by it. This is how the viewer
// would sit behind a reverse proxy in front of the API.
//   npx tsx examples/story-viewer/serve.ts [--port 4001] [--api http://localhost:4000/graphql]
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from './build.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};
/** Request headers passed on to the API; the rest (cookies, hop-by-hop headers) stay here. */
const FORWARDED = ['content-type', 'accept', 'x-graphql-yoga-csrf', 'authorization'];

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function proxy(api: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const body = request.method === 'POST' ? new Uint8Array(await readBody(request)) : undefined;
  const search = new URL(request.url ?? '/', 'http://viewer').search;
  const answer = await fetch(api + search, { method: request.method ?? 'GET', headers, ...(body ? { body } : {}) });
  response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
  response.end(Buffer.from(await answer.arrayBuffer()));
}

async function serveFile(dist: string, pathname: string, response: ServerResponse): Promise<void> {
  const name = pathname === '/' ? 'index.html' : pathname.slice(1);
  // Only the files the build writes, by name: nothing outside dist/ can be asked for.
  if (!/^[\w.-]+$/.test(name) || !(path.extname(name) in TYPES)) {
    response.writeHead(404).end();
    return;
  }
  try {
    const content = await readFile(path.join(dist, name));
    response.writeHead(200, { 'content-type': TYPES[path.extname(name)]!, 'cache-control': 'no-cache' });
    response.end(content);
  } catch {
    response
      .writeHead(404, { 'content-type': 'text/plain' })
      .end(name === 'index.html' ? 'Not built yet: npm run viewer:build\n' : '');
  }
}

export interface ViewerOptions {
  port: number;
  host: string;
  /** The quotegraph endpoint, e.g. http://localhost:4000/graphql. */
  api: string;
  /** The built viewer (default: dist/ beside this file). */
  dist?: string;
}

export async function serveViewer(options: ViewerOptions): Promise<{ server: Server; url: string }> {
  const dist = options.dist ?? DIST;
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://viewer');
    const handled =
      pathname === '/graphql' ? proxy(options.api, request, response) : serveFile(dist, pathname, response);
    handled.catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(
        `The API at ${options.api} did not answer: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://${options.host}:${port}/` };
}

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const port = Number(option('port', '4001'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a port number, got "${option('port', '')}"`);
    process.exit(1);
  }
  const api = option('api', 'http://localhost:4000/graphql');
  const { url } = await serveViewer({ port, host: 'localhost', api }).catch((error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: pass --port` : error.message);
    process.exit(1);
  });
  console.log(`Story viewer at ${url} (API: ${api})`);
}
