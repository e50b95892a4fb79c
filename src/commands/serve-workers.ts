// quotegraph serve --workers N (PostgreSQL only): N processes started with node:cluster, each a
// whole server with its own connection pool, sharing one listening port. This primary serves
// nothing: it migrates once, starts the workers, replaces one that dies while serving, and on
// SIGTERM or SIGINT passes the signal on and exits once every worker has drained.
import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config.ts';
import { connect } from '../db/connect.ts';
import { seedDemoIfEmpty } from '../demo/seed.ts';
import type { Logger } from '../logger.ts';
import { DRAIN_DEADLINE_MS } from './serve.ts';

/** Time past the workers' own drain deadline before a worker that has not exited is killed. */
const KILL_AFTER_MS = DRAIN_DEADLINE_MS + 4_000;

export async function superviseWorkers(config: Config, logger: Logger, count: number): Promise<number> {
  // Before any worker starts, so that they do not race to apply the same migrations.
  const database = await connect(config, logger, { command: 'quotegraph serve' });
  try {
    if (config.seedDemo) await seedDemoIfEmpty(database, logger);
  } finally {
    await database.close();
  }

  // V8 lets a busy server's heap grow far past what it holds live (about 80 MB here) before it
  // collects: 340 MB of RSS per process under load with the default limit, under 210 MB with 192
  // (bench/RESULTS.md). A limit keeps N workers within a known budget.
  if (config.workerHeapMb > 0) {
    cluster.setupPrimary({ execArgv: [...process.execArgv, `--max-old-space-size=${config.workerHeapMb}`] });
  }

  return new Promise<number>((resolve) => {
    const running = new Set<Worker>();
    const serving = new Set<Worker>();
    let announced = false;
    let stopping = false;
    let exitCode = 0;

    const finishWhenAllExited = () => {
      if (running.size > 0) return;
      logger.info({ exitCode }, 'stopped');
      logger.flush();
      resolve(exitCode);
    };

    const stopAll = (reason: string, code: number) => {
      if (stopping) {
        logger.info({ reason }, 'already shutting down');
        logger.flush();
        return;
      }
      stopping = true;
      exitCode = code;
      logger.info({ reason, workers: running.size }, 'shutting down: the workers finish their in-flight requests');
      logger.flush();
      for (const worker of running) worker.process.kill('SIGTERM');
      setTimeout(() => {
        for (const worker of running) {
          logger.warn({ pid: worker.process.pid }, 'a worker did not stop in time: killing it');
          worker.process.kill('SIGKILL');
        }
      }, KILL_AFTER_MS).unref();
      finishWhenAllExited();
    };

    const start = () => {
      const worker = cluster.fork();
      running.add(worker);
      worker.once('listening', (address) => {
        serving.add(worker);
        if (announced || serving.size < count) return;
        announced = true;
        const host = config.host === 'localhost' ? 'localhost' : (address.address ?? config.host);
        const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/graphql`;
        logger.info(
          { url, workers: count, pids: [...serving].map((each) => each.process.pid) },
          `quotegraph is serving GraphiQL at ${url}`,
        );
        logger.flush();
      });
      worker.once('exit', (code, signal) => {
        running.delete(worker);
        const wasServing = serving.delete(worker);
        if (stopping) {
          if (code !== 0 && signal !== 'SIGTERM') exitCode = exitCode || 1;
          finishWhenAllExited();
          return;
        }
        if (!wasServing) {
          // It failed while starting (a port in use, the database away) and said why: the
          // others would fail alike, so stop with its exit code.
          stopAll(`a worker exited while starting (${code ?? signal})`, code || 1);
          return;
        }
        logger.warn({ pid: worker.process.pid, code, signal }, 'a worker stopped unexpectedly: starting another');
        logger.flush();
        start();
      });
    };

    // process.on, not once: a signal sent to the process group reaches each worker and this
    // primary, and a second one must not kill the primary mid-drain.
    process.on('SIGTERM', () => stopAll('SIGTERM', 0));
    process.on('SIGINT', () => stopAll('SIGINT', 0));
    for (let i = 0; i < count; i += 1) start();
  });
}
