// A running server shares its embedded database with the CLI: it listens on a unix socket in
// the data directory and relays the PostgreSQL wire protocol to its PGlite instance, so
// `quotegraph ingest` connects there with postgres.js instead of opening the files a second time.
//
// PGlite is one backend session. The server's own queries and transactions hold PGlite's
// transaction mutex; a socket client holds the same mutex from its first message until the
// backend is idle again (ReadyForQuery 'I'), so a client's transaction or pipeline never
// interleaves with the server's or another client's. (@electric-sql/pglite-socket serialises
// messages but not transactions against the embedding process, and pins PGlite to another
// version; this relay is small enough to keep here.)
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
/** sockaddr_un.sun_path is 108 bytes on Linux, 104 on macOS. */
const MAX_SOCKET_PATH = 100;

export interface EmbeddedSocket {
  path: string;
  /** Stops accepting, ends every client connection (rolling back what it left open). */
  close(): Promise<void>;
}

/** Where the socket goes: in the data directory, or a private temporary directory if that path is too long. */
function socketPathFor(dataDir: string): { socket: string; cleanup: () => void } {
  const inDataDir = path.join(dataDir, '.quotegraph.sock');
  if (Buffer.byteLength(inDataDir) <= MAX_SOCKET_PATH) {
    return { socket: inDataDir, cleanup: () => fs.rmSync(inDataDir, { force: true }) };
  }
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'quotegraph-'));
  return {
    socket: path.join(directory, 'db.sock'),
    cleanup: () => fs.rmSync(directory, { recursive: true, force: true }),
  };
}

/** The status byte of the last ReadyForQuery in a backend reply, if there is one. */
export function lastReadyStatus(reply: Uint8Array): string | null {
  let status: string | null = null;
  const view = new DataView(reply.buffer, reply.byteOffset, reply.byteLength);
  for (let offset = 0; offset + 5 <= reply.length; ) {
    const type = reply[offset]!;
    const length = view.getInt32(offset + 1);
    if (type === 0x5a /* Z */ && length === 5 && offset + 5 < reply.length)
      status = String.fromCharCode(reply[offset + 5]!);
    offset += 1 + length;
  }
  return status;
}

function queryMessage(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`);
  const message = Buffer.alloc(5 + text.length);
  message.write('Q', 0);
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}

const syncMessage = Uint8Array.from([0x53, 0, 0, 0, 4]);

/** Holds PGlite's transaction mutex until `release` is called. */
function holdTransactionMutex(pglite: PGlite): Promise<() => void> {
  return new Promise((acquired) => {
    void pglite._runExclusiveTransaction(() => new Promise<void>((release) => acquired(() => release())));
  });
}

export interface EmbeddedSocketOptions {
  /**
   * How long a client may hold the database inside a transaction (or an unfinished pipeline)
   * without sending anything: then it is cut off and its transaction rolled back, as
   * PostgreSQL's idle_in_transaction_session_timeout does. PGlite is one session, so a stalled
   * client would otherwise stop the server's own reads and writes.
   */
  idleInTransactionMs?: number;
}

const DEFAULT_IDLE_IN_TRANSACTION_MS = 60_000;

class Connection {
  private buffer: Buffer = Buffer.alloc(0);
  private idleTimer: NodeJS.Timeout | null = null;
  private started = false;
  private pumping = false;
  private closed = false;
  private releaseMutex: (() => void) | null = null;
  readonly finished: Promise<void>;
  private finish!: () => void;

  constructor(
    private readonly pglite: PGlite,
    private readonly socket: net.Socket,
    private readonly idleInTransactionMs: number,
  ) {
    this.finished = new Promise((resolve) => (this.finish = resolve));
    socket.on('data', (chunk: Buffer) => {
      this.stopIdleTimer();
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      void this.pump();
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.closed = true;
      void this.pump();
    });
  }

  /** The next complete message in the buffer, or null. */
  private nextMessage(): Buffer | null {
    if (!this.started) {
      if (this.buffer.length < 8) return null;
      const length = this.buffer.readInt32BE(0);
      if (length < 8 || length > 10_000) throw new Error('bad startup packet');
      if (this.buffer.length < length) return null;
      const message = this.buffer.subarray(0, length);
      this.buffer = this.buffer.subarray(length);
      return message;
    }
    if (this.buffer.length < 5) return null;
    const length = this.buffer.readInt32BE(1);
    if (length < 4) throw new Error('bad message length');
    if (this.buffer.length < 1 + length) return null;
    const message = this.buffer.subarray(0, 1 + length);
    this.buffer = this.buffer.subarray(1 + length);
    return message;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        if (this.closed) break;
        const message = this.nextMessage();
        if (!message) break;
        if (!this.started) {
          const code = message.readInt32BE(4);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            this.socket.write('N');
            continue;
          }
          // PGlite has no other backend to cancel.
          if (code === CANCEL_REQUEST) {
            this.socket.end();
            break;
          }
          this.started = true;
        } else if (message[0] === 0x58 /* X: Terminate */) {
          this.socket.end();
          break;
        }
        await this.execute(message);
      }
      // Holding the database with nothing more to run: the client has this long to go on.
      if (this.releaseMutex && !this.closed && this.buffer.length === 0) this.startIdleTimer();
    } catch {
      this.socket.destroy();
      this.closed = true;
    } finally {
      this.pumping = false;
    }
    if (this.closed) await this.cleanUp();
  }

  private async execute(message: Uint8Array): Promise<void> {
    this.releaseMutex ??= await holdTransactionMutex(this.pglite);
    const reply = await this.pglite._runExclusiveQuery(() => this.pglite.execProtocolRaw(message));
    if (reply.length > 0 && !this.socket.destroyed) this.socket.write(reply);
    if (lastReadyStatus(reply) === 'I') this.releaseHeldMutex();
  }

  private startIdleTimer() {
    this.stopIdleTimer();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.releaseMutex) this.socket.destroy();
    }, this.idleInTransactionMs);
    this.idleTimer.unref();
  }

  private stopIdleTimer() {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private releaseHeldMutex() {
    const release = this.releaseMutex;
    this.releaseMutex = null;
    release?.();
  }

  /** A client gone mid-pipeline or mid-transaction leaves the session as it found it. */
  private async cleanUp(): Promise<void> {
    if (this.pumping) return;
    this.stopIdleTimer();
    if (this.releaseMutex) {
      try {
        let reply = await this.pglite._runExclusiveQuery(() => this.pglite.execProtocolRaw(syncMessage));
        if (lastReadyStatus(reply) !== 'I') {
          reply = await this.pglite._runExclusiveQuery(() => this.pglite.execProtocolRaw(queryMessage('ROLLBACK')));
        }
      } finally {
        this.releaseHeldMutex();
      }
    }
    this.finish();
  }

  close() {
    this.socket.destroy();
  }
}

export async function serveEmbeddedDatabase(
  pglite: PGlite,
  dataDir: string,
  options: EmbeddedSocketOptions = {},
): Promise<EmbeddedSocket> {
  const idleInTransactionMs = options.idleInTransactionMs ?? DEFAULT_IDLE_IN_TRANSACTION_MS;
  const { socket: socketPath, cleanup } = socketPathFor(dataDir);
  // A socket file left by a killed server (we hold the data directory's lock now).
  fs.rmSync(socketPath, { force: true });
  const connections = new Set<Connection>();
  const server = net.createServer((socket) => {
    const connection = new Connection(pglite, socket, idleInTransactionMs);
    connections.add(connection);
    void connection.finished.then(() => connections.delete(connection));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  fs.chmodSync(socketPath, 0o600);
  return {
    path: socketPath,
    async close() {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      const open = [...connections];
      for (const connection of open) connection.close();
      await Promise.all(open.map((connection) => connection.finished));
      await stopped;
      cleanup();
    },
  };
}

/**
 * False only when nothing listens on the socket (refused, or no such file). A server too busy to
 * answer at once still counts as alive: taking its data directory over would corrupt it.
 */
export function socketAnswers(socketPath: string, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(true));
    socket.once('connect', () => done(true));
    socket.once('error', (error: NodeJS.ErrnoException) =>
      done(!(error.code === 'ECONNREFUSED' || error.code === 'ENOENT' || error.code === 'ENOTSOCK')),
    );
  });
}
