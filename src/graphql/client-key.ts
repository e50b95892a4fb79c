// Who a request comes from, as the rate limits and the per-client subscription limit count it.
import type { IncomingMessage } from 'node:http';

/**
 * Who is asking: the principal a verified token proves (see `verifiedPrincipal`), else the client
 * address. An unverified bearer string counts as its address: keyed by the string itself, every
 * made-up token would bring a fresh budget (unlimited expensive queries, unlimited guesses).
 */
export function clientKey(
  request: Request,
  serverContext: { req?: IncomingMessage; principal?: () => string | null },
  trustProxy: boolean,
): string {
  const principal = serverContext.principal?.();
  if (principal) return principal;
  const forwarded = trustProxy ? request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  return `ip:${forwarded || serverContext.req?.socket?.remoteAddress || 'unknown'}`;
}
