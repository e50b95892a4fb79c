// Which database answers a read: a streaming replica (DATABASE_READ_URL) when one is up and, for
// a client that has just written, has replayed that write; else the primary. The GraphQL side
// (src/http/plugins/read-replicas.ts) asks once per query operation and puts the answer on the
// request's context; everything below it (plugin-drizzle, the compiled path) reads `ctx.db`.
import type { Database } from './client.ts';
import { rowsOf } from './client.ts';

/** A write-ahead log position as PostgreSQL prints it: two hexadecimal halves, `16/B374D848`. */
const LSN = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i;

/** The position as one comparable number, or null when the text is not an LSN. */
export function parseLsn(text: string): bigint | null {
  const match = LSN.exec(text.trim());
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

export function formatLsn(position: bigint): string {
  return `${(position >> 32n).toString(16).toUpperCase()}/${(position & 0xffffffffn).toString(16).toUpperCase()}`;
}

interface RawClient {
  unsafe(query: string, params: unknown[], options: { prepare: boolean }): Promise<unknown>;
}

/** One value from the driver directly: not an operation's statement, so not counted as one. */
async function readLsn(db: Database, query: string): Promise<bigint | null> {
  const client = (db as unknown as { $client: RawClient }).$client;
  const row = rowsOf<{ lsn: string | null }>(await client.unsafe(query, [], { prepare: true }))[0];
  return row?.lsn ? parseLsn(row.lsn) : null;
}

export interface ReplicaEvents {
  /** A replica stopped answering: reads go elsewhere until it is back. Once per outage. */
  down(replica: string, error: unknown): void;
  /** It answers again. */
  up(replica: string): void;
  /** It cancelled a read that its replay conflicted with; the primary answers that one. */
  conflict(replica: string): void;
}

interface Replica {
  /** How logs name it: host and port, never the password. */
  name: string;
  db: Database;
  /** Replay position last seen; it only grows, so a read needing less needs no new look. */
  replayed: bigint;
  /** Set while the replica is down: when to try it again. */
  downUntil: number;
}

export interface ReadChoice {
  db: Database;
  /** The replica's name, or null for the primary. */
  replica: string | null;
}

/** How long a replica that failed is left alone before a read tries it again. */
const RETRY_DOWN_MS = 2_000;

export class ReadRouter {
  readonly primary: Database;
  private readonly replicas: Replica[];
  private next = 0;

  constructor(
    primary: Database,
    replicas: { name: string; db: Database }[],
    private readonly events: ReplicaEvents,
    private readonly now: () => number = Date.now,
  ) {
    this.primary = primary;
    this.replicas = replicas.map((replica) => ({ ...replica, replayed: -1n, downUntil: 0 }));
  }

  get size(): number {
    return this.replicas.length;
  }

  /**
   * A database for one read: the replicas in turn (round robin), skipping any that is down and,
   * when `minLsn` is given, any that has not replayed the log up to it; the primary when none fits.
   */
  async choose(minLsn: bigint | null): Promise<ReadChoice> {
    const count = this.replicas.length;
    for (let tried = 0; tried < count; tried++) {
      const replica = this.replicas[(this.next + tried) % count]!;
      if (replica.downUntil > this.now()) continue;
      if (minLsn !== null && replica.replayed < minLsn) {
        try {
          const replayed = await readLsn(replica.db, 'select pg_last_wal_replay_lsn()::text as lsn');
          // Null on a server that is not in recovery (a promoted replica): it has everything it has.
          replica.replayed = replayed ?? minLsn;
          this.markUp(replica);
        } catch (error) {
          this.markDown(replica, error);
          continue;
        }
        if (replica.replayed < minLsn) continue;
      }
      this.next = (this.next + tried + 1) % count;
      return { db: replica.db, replica: replica.name };
    }
    return { db: this.primary, replica: null };
  }

  /** The read on this replica failed on its connection: leave it alone for a while. */
  failed(name: string, error: unknown): void {
    const replica = this.replicas.find((candidate) => candidate.name === name);
    if (replica) this.markDown(replica, error);
  }

  /**
   * Where the primary's write-ahead log ends now: a read that must see every committed write
   * needs this much. The insert position, not pg_current_wal_lsn() (the write position): with
   * synchronous_commit off a commit can be inserted but not yet written, and a replica at the
   * write position would still miss it.
   */
  async primaryLsn(): Promise<bigint | null> {
    return readLsn(this.primary, 'select pg_current_wal_insert_lsn()::text as lsn');
  }

  private markDown(replica: Replica, error: unknown): void {
    if (replica.downUntil === 0) this.events.down(replica.name, error);
    replica.downUntil = this.now() + RETRY_DOWN_MS;
  }

  private markUp(replica: Replica): void {
    if (replica.downUntil !== 0) this.events.up(replica.name);
    replica.downUntil = 0;
  }

  /**
   * The read on this replica was cancelled by a recovery conflict: the replica is up and stays
   * in use (a conflict says the replay needed what the read held, not that the replica is unwell).
   */
  conflicted(name: string): void {
    const replica = this.replicas.find((candidate) => candidate.name === name);
    if (!replica) return;
    this.markUp(replica);
    this.events.conflict(replica.name);
  }

  /** A read on this replica succeeded. */
  answered(name: string): void {
    const replica = this.replicas.find((candidate) => candidate.name === name);
    if (replica && replica.downUntil !== 0) this.markUp(replica);
  }
}

/** host:port/database of a connection string, for logs. */
export function replicaName(url: string, index: number): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return `replica ${index + 1}`;
  }
}
