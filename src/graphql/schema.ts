// Builds the executable schema from the domain files; each registers its own types and fields.
import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.ts';
import './publisher.ts';
import './article.ts';
import './quote.ts';
import './person.ts';
import './organization.ts';
import './affiliation.ts';
import './related-link.ts';
import './search.ts';

export const schema = builder.toSchema();

/** The SDL committed as schema.graphql, sorted so diffs show real changes only. */
export function printSortedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
