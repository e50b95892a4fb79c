import type { Database } from '../db/client.ts';

/** The database or a transaction on it: what ingestion stages run their statements on. */
export type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute' | 'query'>;
