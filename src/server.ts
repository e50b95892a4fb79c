// The one entry to the HTTP front door (src/http/): the commands, tests, benchmarks and scripts
// start quotegraph through these functions and the types they name.
export { createApp, type App, type AppDependencies } from './http/app.ts';
export { listen, type RunningServer } from './http/listen.ts';
export { writePolicy } from './http/plugins/write-access.ts';
