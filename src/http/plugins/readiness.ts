// GET /readyz: 200 when the service can answer, 503 when it cannot, or the check's own response
// (a degraded cache). Yoga's useReadinessCheck answers the same, but decides whether a request is
// for it with a URLPattern match as well as a path comparison, and the pattern polyfill ran on
// every GraphQL request that was not for it: one or two per cent of a small query's CPU. Here
// the request is the readiness check when its path is the endpoint, and nothing else is tried.
import type { Plugin } from 'graphql-yoga';

export type ReadinessCheck = () => Promise<boolean | Response> | boolean | Response;

export function useReadiness(endpoint: string, check: ReadinessCheck): Plugin {
  return {
    onRequest({ url, fetchAPI, endResponse }) {
      if (url.pathname !== endpoint) return;
      return Promise.resolve()
        .then(check)
        .then(
          (ready) =>
            endResponse(typeof ready === 'object' ? ready : new fetchAPI.Response(null, { status: ready ? 200 : 503 })),
          (error: unknown) =>
            endResponse(
              error instanceof Error
                ? new fetchAPI.Response(error.message, {
                    status: 503,
                    headers: { 'content-type': 'text/plain; charset=utf-8' },
                  })
                : new fetchAPI.Response(null, { status: 503 }),
            ),
        );
    },
  };
}
