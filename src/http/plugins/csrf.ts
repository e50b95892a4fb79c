// Yoga's CSRF prevention, with one exception: a GET asking for an event stream whose document
// holds only subscriptions. That is what a browser's EventSource sends, and EventSource cannot
// add the CSRF header. Subscriptions only read, need no credentials, and a cross-site page
// cannot read the stream without CORS; GET never runs a mutation anyway (405).
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { Kind, parse } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export const CSRF_HEADER = 'x-graphql-yoga-csrf';

function onlySubscriptions(source: string | null): boolean {
  if (!source) return false;
  try {
    const document = parse(source, { noLocation: true, maxTokens: 2_000 });
    const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    return operations.length > 0 && operations.every((operation) => operation.operation === 'subscription');
  } catch {
    return false;
  }
}

/** An EventSource subscription: GET, `Accept: text/event-stream`, subscriptions only. */
export function isEventSourceSubscription(request: Request): boolean {
  if (request.method !== 'GET' || !request.headers.get('accept')?.includes('text/event-stream')) return false;
  return onlySubscriptions(new URL(request.url).searchParams.get('query'));
}

export function useCsrfPrevention(): Plugin {
  const prevention = useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }) as Plugin & {
    onRequestParse: NonNullable<Plugin['onRequestParse']>;
  };
  return {
    onRequestParse(payload) {
      if (isEventSourceSubscription(payload.request)) return;
      return prevention.onRequestParse(payload);
    },
  };
}
