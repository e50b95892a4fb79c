// Preloaded into a child process (`node --import tsx --import <this file> …`): writes a line
// `package-load: <where>` to stderr whenever a module of a package named in REPORT_PACKAGE_LOADS
// (comma-separated) is resolved, so that a test can tell whether, and when, the process loaded it.
// Plain JavaScript, so that it works with or without tsx and never depends on what it observes.
import fs from 'node:fs';
import { Module, register } from 'node:module';

const packages = (process.env.REPORT_PACKAGE_LOADS ?? '').split(',').filter(Boolean);

// import and import(), static or dynamic, from src/ through tsx or from dist/: the resolve hook,
// which runs on the loader's own thread.
register('./package-loads-hooks.mjs', import.meta.url, { data: { packages } });

// require() does not pass through that hook on Node 20: watched here, by the name asked for.
const requireModule = Module.prototype.require;
Module.prototype.require = function requireReported(id) {
  if (packages.some((name) => id === name || id.startsWith(`${name}/`))) fs.writeSync(2, `package-load: ${id}\n`);
  return requireModule.call(this, id);
};
