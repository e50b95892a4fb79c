// The resolve hook registered by package-loads.mjs. It runs on the loader's own thread and writes to
// the process's stderr (fd 2) synchronously, so a line is out before the module it reports is loaded.
import fs from 'node:fs';

let folders = [];

export function initialize({ packages }) {
  folders = packages.map((name) => `/node_modules/${name}/`);
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (folders.some((folder) => resolved.url.includes(folder))) fs.writeSync(2, `package-load: ${resolved.url}\n`);
  return resolved;
}
