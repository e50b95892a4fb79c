// An answer whose `data` is JSON text that PostgreSQL (or the response cache) already wrote.
// Parsing it into objects only for Yoga to write the same text again cost a tenth of a small
// query's CPU and most of its garbage, so the text goes out as it came: `stringify` (Yoga calls
// `result.stringify` when an answer has one) splices it into the response. `data` is still there
// for any plugin that reads it, parsed on first use; a copy of the answer (`{ ...result, extensions }`)
// carries the text along, and it is used only while the copy's `data` is the very value parsed
// from it.
import type { ExecutionResult } from 'graphql';

const RAW = Symbol('quotegraph.rawData');

interface RawData {
  text: string;
  parsed?: Record<string, unknown>;
}

type RawCarrier = ExecutionResult & { [RAW]?: RawData };

/** An answer `{ data }` from the text of `data`, parsed only if something reads it. */
export function rawResult(dataText: string): ExecutionResult {
  const raw: RawData = { text: dataText };
  const result: RawCarrier = {
    [RAW]: raw,
    stringify: stringifyRaw,
  } as RawCarrier;
  Object.defineProperty(result, 'data', {
    enumerable: true,
    configurable: true,
    get(this: RawCarrier) {
      raw.parsed ??= JSON.parse(raw.text) as Record<string, unknown>;
      return raw.parsed;
    },
    set(this: RawCarrier, value: ExecutionResult['data']) {
      // Someone replaced the data: from now on this is an ordinary answer.
      Object.defineProperty(this, 'data', { value, enumerable: true, writable: true, configurable: true });
      delete this[RAW];
    },
  });
  return result;
}

/**
 * The answer with `extensions` added to its own, as `{ ...result, extensions }` would give, but
 * without reading `data` (which would parse an answer still held as text).
 */
export function withExtensions(result: ExecutionResult, extensions: Record<string, unknown>): ExecutionResult {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(result)) as ExecutionResult;
  Object.defineProperty(copy, 'extensions', {
    value: { ...result.extensions, ...extensions },
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

/** The text of this answer's `data`, when it still holds the data as it came. */
export function rawDataText(result: ExecutionResult): string | undefined {
  const raw = (result as RawCarrier)[RAW];
  if (!raw) return undefined;
  const descriptor = Object.getOwnPropertyDescriptor(result, 'data');
  if (!descriptor) return undefined;
  if (descriptor.get) return raw.text;
  return raw.parsed !== undefined && descriptor.value === raw.parsed ? raw.text : undefined;
}

function stringifyRaw(this: unknown, result: ExecutionResult): string {
  const text = rawDataText(result);
  if (text === undefined) return JSON.stringify(result);
  let json = `{"data":${text}`;
  for (const key of Object.keys(result)) {
    if (key === 'data' || key === 'stringify') continue;
    const value = (result as Record<string, unknown>)[key];
    if (value === undefined || typeof value === 'function') continue;
    json += `,${JSON.stringify(key)}:${JSON.stringify(value)}`;
  }
  return `${json}}`;
}
