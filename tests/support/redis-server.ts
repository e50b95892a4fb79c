// A private Redis server for tests that make Redis fail under a running service: its own port,
// nothing on disk, stopped with the test. The machine's shared Redis is never paused or killed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from './pg-cluster.ts';

export interface PrivateRedis {
  url: string;
  /** Stops answering every client for this long, keeping its data (CLIENT PAUSE). */
  pause(ms: number): Promise<void>;
  stop(): Promise<void>;
}

/** Whether a redis-server binary is on the PATH. */
export function redisServerAvailable(): boolean {
  return spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).status === 0;
}

export async function startRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  // Retries until the server listens; commands wait for the connection meanwhile.
  const admin = new Redis(url, { retryStrategy: () => 50 });
  admin.on('error', () => {});
  await admin.ping();
  return {
    url,
    pause: async (ms) => {
      await admin.call('CLIENT', 'PAUSE', String(ms), 'ALL');
    },
    stop: async () => {
      admin.disconnect();
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
