import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printSortedSchema } from '../graphql/schema.ts';
import type { CommandIO } from './io.ts';

export const schemaFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema.graphql');

/** Rewrites schema.graphql from the code-first schema, or prints it with --stdout. */
export function runSchema(options: { stdout?: boolean | undefined }, io: CommandIO): number {
  const sdl = printSortedSchema();
  if (options.stdout) {
    io.stdout.write(sdl);
  } else {
    fs.writeFileSync(schemaFile, sdl);
    io.stderr.write(`wrote ${path.relative(process.cwd(), schemaFile)}\n`);
  }
  return 0;
}
