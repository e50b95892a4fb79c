// The request body limit, in place of Yoga's built-in one (`maxRequestBodySize`, off in
// createApp). A declared Content-Length over the limit is refused at once; a body of unknown
// or untrusted length is counted as it streams, and refused when it passes the limit. A body
// the node:http front door already read whole (src/http/listen.ts: small bodies, at the length they
// declared, which Node's parser enforces) needs no counting, and skips the stream pipeline the
// count would cost every ordinary query.
import type { IncomingMessage } from 'node:http';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { ErrorCode } from '../../errors.ts';

const tooLarge = () =>
  createGraphQLError('Request body too large', {
    extensions: { http: { status: 413 }, code: ErrorCode.REQUEST_ENTITY_TOO_LARGE },
  });

/** Whether the front door handed this request's body over already read. */
export function bodyReadByFrontDoor(request: IncomingMessage | undefined): boolean {
  return typeof (request as (IncomingMessage & { body?: unknown }) | undefined)?.body === 'string';
}

export function useBodyLimit(maxBytes: number): Plugin<Record<string, unknown>, { req?: IncomingMessage }> {
  return {
    onRequestParse({ request, serverContext, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared != null) {
        if (!/^\d+$/.test(declared)) {
          throw createGraphQLError('Content-Length header is invalid.', {
            extensions: { http: { status: 400 }, code: ErrorCode.BAD_REQUEST },
          });
        }
        if (Number(declared) > maxBytes) throw tooLarge();
      }
      // The front door's check first: asking a request for its body makes a stream of it, even of
      // one already read whole.
      if (!requestParser || bodyReadByFrontDoor(serverContext.req) || !request.body) return;
      const parse = requestParser;
      setRequestParser((incoming) => {
        let bytes = 0;
        const counted = incoming.body!.pipeThrough(
          new fetchAPI.TransformStream<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              bytes += chunk.byteLength;
              if (bytes > maxBytes) controller.error(tooLarge());
              else controller.enqueue(chunk);
            },
          }),
        );
        return parse(
          new fetchAPI.Request(incoming.url, {
            method: incoming.method,
            headers: incoming.headers,
            signal: incoming.signal,
            body: counted,
            duplex: 'half',
          } as RequestInit),
        );
      });
    },
  };
}
