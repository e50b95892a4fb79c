// Counts the SQL statements an operation runs. Drizzle calls the logger once per statement;
// AsyncLocalStorage ties each call to the GraphQL operation (or ingestion) that caused it,
// so concurrent requests on one shared client are counted apart.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'drizzle-orm/logger';

export interface StatementCounter {
  count: number;
}

const currentCounter = new AsyncLocalStorage<StatementCounter>();

export function withStatementCounter<T>(counter: StatementCounter, run: () => T): T {
  return currentCounter.run(counter, run);
}

export const statementCountingLogger: Logger = {
  logQuery() {
    const counter = currentCounter.getStore();
    if (counter) counter.count += 1;
  },
};

/** Counts a statement run outside drizzle (the compiled read path talks to the driver itself). */
export function countStatement(): void {
  statementCountingLogger.logQuery('', []);
}
