// PostGraphile v5 on the benchmark database, as a separate process so its CPU and memory are
// measured alone. Started by bench/run.ts with BENCH_DATABASE_URL, PORT and POOL_SIZE.
import { createServer } from 'node:http';

// PostGraphile 5 declares Node 22; on Node 20 the only thing it misses is this.
if (!('withResolvers' in Promise)) {
  Object.defineProperty(Promise, 'withResolvers', {
    value<T>() {
      let resolve!: (value: T | PromiseLike<T>) => void;
      let reject!: (reason?: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

const { postgraphile } = await import('postgraphile');
const { PostGraphileAmberPreset } = await import('postgraphile/presets/amber');
const { makePgService } = await import('postgraphile/adaptors/pg');
const { grafserv } = await import('postgraphile/grafserv/node');

const connectionString = process.env.BENCH_DATABASE_URL;
if (!connectionString) throw new Error('BENCH_DATABASE_URL is required');
const port = Number(process.env.PORT ?? 0);
const poolSize = Number(process.env.POOL_SIZE ?? 10);

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString,
      // `pgl` holds the two search functions bench/sql/postgraphile.sql adds (W4, W5).
      schemas: ['public', 'pgl'],
      poolConfig: { max: poolSize },
    }),
  ],
  grafast: { explain: false },
  grafserv: { graphqlPath: '/graphql', watch: false, maskError: (error: unknown) => error },
};

const pgl = postgraphile(preset as never);
const serv = pgl.createServ(grafserv);
const server = createServer();
await serv.addTo(server);
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : port}\n`);
});
process.once('SIGTERM', () => {
  server.close();
  void Promise.resolve(pgl.release()).then(() => process.exit(0));
});
