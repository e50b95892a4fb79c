// People and organizations: canonical names, aliases, roles and affiliations.

import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../../src/extract/index.ts';
import { articleReader } from '../support/articles.ts';

const read = articleReader('Islanders vote on a new ferry contract');

const person = (a: ExtractedArticle, name: string) => a.people.find((p) => p.name === name);
const organization = (a: ExtractedArticle, name: string) => a.organizations.find((o) => o.name === name);

describe('people', () => {
  it('use the full name without titles or possessives, and keep the other forms as aliases', () => {
    const a = read(
      'President Helen Okonkwo opened the session on Monday.',
      "Okonkwo's proposal cuts fares by a third. Ms. Okonkwo said the island could afford it.",
    );
    expect(a.people).toHaveLength(1);
    expect(person(a, 'Helen Okonkwo')).toMatchObject({ aliases: ['Okonkwo'], roles: ['President'], mentions: 3 });
    expect(a.body.slice(person(a, 'Helen Okonkwo')?.firstOffset)).toMatch(/^President Helen Okonkwo/);
  });

  it('merge a one-letter misspelling of the same person when the first name agrees', () => {
    const a = read(
      'Daniel Kowalski chairs the ferry board.',
      'Daniel Kowalsky said the vote was close.',
      'Daniel Kowalski has served for nine years.',
    );
    expect(a.people.map((p) => p.name)).toEqual(['Daniel Kowalski']);
    expect(person(a, 'Daniel Kowalski')?.aliases).toContain('Daniel Kowalsky');
  });

  it('keep two people who only share a surname apart', () => {
    const a = read('Ruth Lindgren and her brother Erik Lindgren both spoke at the meeting.');
    expect(a.people.map((p) => p.name).sort()).toEqual(['Erik Lindgren', 'Ruth Lindgren']);
  });

  it('take a role and an organization from an appositive', () => {
    const a = read('Rita Moreau, a professor of economics at Northfield University, said the subsidy was too small.');
    expect(person(a, 'Rita Moreau')?.roles).toContain('professor');
    expect(a.affiliations).toContainEqual({
      person: 'Rita Moreau',
      organization: 'Northfield University',
      role: 'professor',
    });
    expect(organization(a, 'Northfield University')?.kind).toBe('university');
  });

  it('take a role and an organization from a title written before the name', () => {
    const a = read('Coastline Ferries CEO Martin Ashby defended the price.');
    expect(a.affiliations).toContainEqual({ person: 'Martin Ashby', organization: 'Coastline Ferries', role: 'CEO' });
  });

  it('use the name a person goes by when the story says so ("known as …"), and merge that form into them', () => {
    const a = read(
      'Life was easy for a young Robert Allan Marsh on the island.',
      'Old friends remember Mr. Marsh, known as Bobby, as a tireless sailor. Bobby Marsh now runs the ferry board.',
    );
    expect(a.people.map((p) => p.name)).toEqual(['Bobby Marsh']);
    expect(person(a, 'Bobby Marsh')?.aliases).toContain('Robert Allan Marsh');
  });

  it('take a role from a role noun that opens the sentence, in lower case', () => {
    const a = read('Striker Dmitri Volkov scored twice for the island team.');
    expect(person(a, 'Dmitri Volkov')?.roles).toEqual(['striker']);
  });

  it('take a role from the words just before the name', () => {
    const a = read('The plan was drafted by harbour engineer Sofia Brandt over the winter.');
    expect(person(a, 'Sofia Brandt')?.roles).toContain('harbour engineer');
  });
});

describe('organizations', () => {
  it('expand a well-known acronym to its canonical name and keep the acronym as an alias', () => {
    const a = read(
      'The ferry sank in 1998, the AP reported at the time. The Associated Press later corrected the date.',
    );
    expect(organization(a, 'Associated Press')).toMatchObject({ kind: 'media', mentions: 2 });
    expect(organization(a, 'Associated Press')?.aliases).toContain('AP');
  });

  it('join an acronym to the long name it abbreviates', () => {
    const a = read('The Island Transport Authority approved the contract. ITA inspectors will check every boat.');
    expect(a.organizations.map((o) => o.name)).toEqual(['Island Transport Authority']);
    expect(organization(a, 'Island Transport Authority')?.aliases).toContain('ITA');
  });

  it('recognise organizations by the shape of their names', () => {
    const a = read('Funding came from the Harbour Heritage Foundation, the Bank of the Isles and Pinewood College.');
    expect(organization(a, 'Harbour Heritage Foundation')?.kind).toBe('nonprofit');
    expect(organization(a, 'Bank of the Isles')?.kind).toBe('company');
    expect(organization(a, 'Pinewood College')?.kind).toBe('university');
  });

  it('do not list countries unless a country speaks', () => {
    const silent = read('Ferries from Norway and Denmark dock here.');
    expect(silent.organizations).toEqual([]);
    const speaking = read('Denmark said it would send a second ferry.');
    expect(organization(speaking, 'Denmark')?.kind).toBe('country');
  });
});
