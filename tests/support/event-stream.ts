// A GraphQL subscription over real SSE (Yoga's own transport) through app.fetch: the response's
// body read event by event, as a browser's EventSource would.
import type { App } from '../../src/server.ts';

export const ENDPOINT = 'http://quotegraph.test/graphql';

/** One subscription over real SSE: the response's body read event by event. */
export class EventStream {
  private buffer = '';
  private readonly decoder = new TextDecoder();
  constructor(
    readonly response: Response,
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
  ) {}

  /** The next `next` event's payload, or null when the stream completed. */
  async next(): Promise<{ data?: any; errors?: any[] } | null> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const lines = block.split('\n');
        const event = lines
          .find((line) => line.startsWith('event:'))
          ?.slice(6)
          .trim();
        const data = lines
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trim())
          .join('\n');
        if (event === 'complete') return null;
        if (event === 'next' && data) return JSON.parse(data);
        continue; // keep-alive comments
      }
      const { done, value } = await this.reader.read();
      if (done) return null;
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  async close() {
    await this.reader.cancel();
  }
}

export async function subscribe(
  app: App,
  source: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const response = await app.fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query: source, variables }),
  });
  return new EventStream(response, response.body!.getReader());
}
