// Reading timestamptz values back exactly, from year 1 to 9999.
//
// drizzle turns the text PostgreSQL sends ("0001-03-01 00:00:00+00") into a Date with
// `new Date(text)`. That text is not ISO 8601, so V8 falls back to its legacy parser, which
// reads a year below 100 as 19xx/20xx and shuffles the fields: 0001-03-01 came back as
// 2001-01-03, and cursors and quote sort dates built from it pointed at the wrong place. Here
// the driver is asked for the text (top-level rows and rows nested as JSON alike) and the fields
// are read one by one, the year set with setUTCFullYear so no two-digit-year rule applies.
import { sql, type SQL } from 'drizzle-orm';
import { pgliteCodecs } from 'drizzle-orm/pglite/codecs';
import { postgresJsCodecs } from 'drizzle-orm/postgres-js/codecs';

// PostgreSQL's ISO DateStyle output (the default on both drivers): date, time, optional
// fraction, offset as ±HH[:MM[:SS]], and " BC" for years before 1.
const TIMESTAMPTZ =
  /^(\d{4,})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:\.(\d+))?(?:([+-])(\d\d)(?::?(\d\d))?(?::?(\d\d))?|Z)?( BC)?$/;

/** A timestamptz as PostgreSQL prints it, as the instant it names. */
export function parseTimestamptz(text: string): Date {
  const match = TIMESTAMPTZ.exec(text);
  if (!match) return new Date(text);
  const [, year, month, day, hour, minute, second, fraction, sign, offsetHours, offsetMinutes, offsetSeconds, bc] =
    match;
  const instant = new Date(0);
  // Year 1 BC is astronomical year 0.
  instant.setUTCFullYear(bc ? 1 - Number(year) : Number(year), Number(month) - 1, Number(day));
  instant.setUTCHours(
    Number(hour),
    Number(minute),
    Number(second),
    Number((fraction ?? '').padEnd(3, '0').slice(0, 3)),
  );
  const offset =
    (Number(offsetHours ?? 0) * 3600 + Number(offsetMinutes ?? 0) * 60 + Number(offsetSeconds ?? 0)) * 1000;
  return new Date(instant.getTime() - (sign === '-' ? -offset : offset));
}

const asText = (name: SQL) => sql`${name}::text`;
const parse = (value: unknown) => (value instanceof Date ? value : parseTimestamptz(String(value)));

function withExactInstants<Codecs extends typeof pgliteCodecs>(codecs: Codecs): Codecs {
  return {
    ...codecs,
    timestamptz: { ...codecs.timestamptz, cast: asText, castInJson: asText, normalize: parse, normalizeInJson: parse },
  };
}

export const pgliteInstantCodecs = withExactInstants(pgliteCodecs);
export const postgresInstantCodecs = withExactInstants(postgresJsCodecs);
