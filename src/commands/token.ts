import { randomBytes } from 'node:crypto';
import type { CommandIO } from './io.ts';

/** Prints a new random API token (256 bits, URL-safe) for QUOTEGRAPH_API_TOKENS. */
export function runToken(io: CommandIO): number {
  io.stdout.write(`${randomBytes(32).toString('base64url')}\n`);
  return 0;
}
