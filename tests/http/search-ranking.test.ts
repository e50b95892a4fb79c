// search() ranks exact matches first: whoever is named, or has an alias, exactly what was
// searched (case and accents aside) comes before names that merely contain it, however long or
// short those are. Generated names, written through the API, on both databases.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.ts';
import type { App } from '../../src/server.ts';
import { createTestApp, execute } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';
import { runs } from '../support/property.ts';

const TOKEN = 'search-ranking-token-abcdefgh';
let database: DatabaseHandle;
let app: App;

beforeAll(async () => {
  database = await openTestDatabase();
  app = createTestApp(database, { apiTokens: [TOKEN] });
});
afterAll(() => database?.close());

async function write(source: string, variables: Record<string, unknown>) {
  const result = await execute(app, source, variables, { authorization: `Bearer ${TOKEN}` });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!;
}

const createPerson = (name: string, aliases: string[] = []) =>
  write('mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }', {
    input: { name, aliases },
  });
const createOrganization = (name: string, aliases: string[] = []) =>
  write('mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }', {
    input: { name, aliases },
  });

/** A capitalised word of 3–8 letters; `unique` spells a counter into it so that no two attempts (shrinking included) share names. */
const word = fc.stringMatching(/^[a-z]{3,8}$/).map((letters) => `${letters[0]!.toUpperCase()}${letters.slice(1)}`);
let attempt = 0;
function unique(base: string): string {
  attempt += 1;
  return `${base}${attempt.toString(26).replace(/./g, (digit) => String.fromCharCode(97 + parseInt(digit, 26)))}q`;
}
const other = fc.stringMatching(/^[A-Z][a-z]{1,10}$/);

describe('search() ranks exact name and alias matches first', () => {
  test('people: the person named exactly the search, and those with it as an alias, before any longer name', async () => {
    await fc.assert(
      fc.asyncProperty(word, other, other, fc.boolean(), async (base, first, last, exactFirst) => {
        const name = unique(base);
        // Longer names containing the search, created before and after the exact ones.
        const containing = [
          `${first} ${name}`,
          `${name} ${last}`,
          `${first} ${name} ${last}`,
          `${name}${last.toLowerCase()}`,
        ];
        const exact = async () => {
          await createPerson(name);
          await createPerson(`${first} ${last} ${name}`.slice(0, 60), [name.toUpperCase()]);
        };
        if (exactFirst) await exact();
        for (const longer of containing) await createPerson(longer);
        if (!exactFirst) await exact();
        const result = await execute(
          app,
          'query($q: String!) { search(query: $q, first: 10) { people { name aliases } } }',
          { q: name },
        );
        const people: { name: string; aliases: string[] }[] = result.data!.search.people;
        const isExact = (person: { name: string; aliases: string[] }) =>
          [person.name, ...person.aliases].some((candidate) => candidate.toLowerCase() === name.toLowerCase());
        expect(people.length, JSON.stringify(people)).toBe(6);
        expect(people[0]!.name, JSON.stringify(people)).toBe(name);
        expect(people.map(isExact), JSON.stringify(people)).toEqual([true, true, false, false, false, false]);
      }),
      { numRuns: runs(12) },
    );
  }, 60_000);

  test('organizations: the same', async () => {
    await fc.assert(
      fc.asyncProperty(word, other, async (base, suffix) => {
        const name = unique(base);
        await createOrganization(`${name} ${suffix} Group`);
        await createOrganization(`The ${name}`);
        await createOrganization(name);
        const result = await execute(
          app,
          'query($q: String!) { search(query: $q, first: 10) { organizations { name } } }',
          { q: name.toLowerCase() },
        );
        expect(result.data!.search.organizations.map((organization: { name: string }) => organization.name)[0]).toBe(
          name,
        );
      }),
      { numRuns: runs(8) },
    );
  }, 60_000);

  test('"Obama": the person named Obama first, Barack Obama (alias Obama) next, the longer names after', async () => {
    await createPerson('Barack Obama', ['Obama', 'President Obama']);
    await createPerson('Michelle Obama');
    await createPerson('Obama');
    await createPerson('Obamacare Supporter');
    const result = await execute(app, '{ search(query: "Obama", first: 10) { people { name } } }');
    const names = result.data!.search.people.map((person: { name: string }) => person.name);
    expect(names.slice(0, 2)).toEqual(['Obama', 'Barack Obama']);
    expect(names).toHaveLength(4);
  });
});
