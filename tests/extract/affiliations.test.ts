// Who works for whom: affiliations read from titles, appositives, relative
// clauses and "of", with the organization named or only referred to.
// Invented sentences only.

import { describe, expect, it } from 'vitest';
import { articleReader } from '../support/articles.ts';

const read = articleReader('Harbour towns weigh a new ferry contract');

const affiliation = (person: string, organization: string, role: string | null) => ({ person, organization, role });

describe('affiliations', () => {
  it('"X, <role> of <Org>" with a role of several words', () => {
    const a = read(
      'Omar Saleh, chief executive of Tidewater Kelp, said the farm would open in May.',
      'Rhea Lund, chief lending officer at Alder Mutual Savings Bank, said the loan was approved.',
    );
    expect(a.affiliations).toContainEqual(affiliation('Omar Saleh', 'Tidewater Kelp', 'chief executive'));
    expect(a.affiliations).toContainEqual(
      affiliation('Rhea Lund', 'Alder Mutual Savings Bank', 'chief lending officer'),
    );
  });

  it('"X, who leads the <Org>"', () => {
    const a = read("Dale Kerrigan, who leads the Oyster Growers' Association, was not convinced.");
    expect(a.affiliations).toContainEqual(affiliation('Dale Kerrigan', "Oyster Growers' Association", 'leader'));
  });

  it('"<Title> X of <Org>" and "X of the <Org>"', () => {
    const a = read(
      'Professor Ines Varga of Eastmoor University called the plan "a fair start."',
      "Dale Kerrigan of the Oyster Growers' Association asked for a delay.",
    );
    expect(a.affiliations).toContainEqual(affiliation('Ines Varga', 'Eastmoor University', 'Professor'));
    expect(a.affiliations).toContainEqual(affiliation('Dale Kerrigan', "Oyster Growers' Association", null));
  });

  it('a mayor with no town named belongs to the government of the place in the dateline', () => {
    const a = read(
      'PORT ALDER — Mayor Hana Ricci said on Monday that the ferry would run all winter.',
      'Port Alder has had a ferry since 1920.',
    );
    expect(a.affiliations).toContainEqual(affiliation('Hana Ricci', 'Port Alder', 'Mayor'));
    expect(a.organizations.find((o) => o.name === 'Port Alder')?.kind).toBe('government');
  });

  it('a place written before a local office names its government', () => {
    const a = read('Millhaven Mayor Ray Dunmore said the town would help.');
    expect(a.affiliations).toContainEqual(affiliation('Ray Dunmore', 'Millhaven', 'Mayor'));
    expect(a.organizations.find((o) => o.name === 'Millhaven')?.kind).toBe('government');
  });

  it('"the company\'s <role>, X" is the story\'s company, not a firm named in passing', () => {
    const a = read(
      'Marlow Foods will close its plant. Marlow Foods blamed costs.',
      'Nina Park, an analyst at Halloway & Finch Securities, expected the closure.',
      "The company's chief financial officer, Omar Haddad, said savings would follow.",
    );
    expect(a.affiliations).toContainEqual(affiliation('Omar Haddad', 'Marlow Foods', 'chief financial officer'));
  });

  it('"Its <role>, X" right after an organization', () => {
    const a = read(
      'The suit was brought by Friends of Heron Marsh, a neighborhood group. Its president, Alma Ruiz, called the ruling fair.',
    );
    expect(a.affiliations).toContainEqual(affiliation('Alma Ruiz', 'Friends of Heron Marsh', 'president'));
  });

  it('a title naming a body by its head noun means the body the story named', () => {
    const a = read(
      'The Elm Valley Town Council met on Wednesday. Council President Dana Whitcombe opened the session.',
    );
    expect(a.affiliations).toContainEqual(
      affiliation('Dana Whitcombe', 'Elm Valley Town Council', 'Council President'),
    );
  });

  it('a team written by its last word before a role, and a plural possessive before a role', () => {
    const a = read(
      'The Rivermouth Rovers beat the Castlegate Wanderers on Saturday.',
      '"We never stopped believing," said Rovers manager Ines Okoro.',
      'The Wanderers’ head coach, Paul Lindgren, was furious.',
    );
    expect(a.affiliations).toContainEqual(affiliation('Ines Okoro', 'Rivermouth Rovers', 'manager'));
    expect(a.affiliations).toContainEqual(affiliation('Paul Lindgren', 'Castlegate Wanderers', 'head coach'));
  });

  it('"a <role> at the institute" points to the institute the story named', () => {
    const a = read(
      'Scientists at the Alpine Lakes Institute sampled 30 lakes.',
      'Sofia Berg, a hydrologist at the institute, led the work.',
    );
    expect(a.affiliations).toContainEqual(affiliation('Sofia Berg', 'Alpine Lakes Institute', 'hydrologist'));
  });

  it('"X at <Org>" alone says where someone was, not whom they work for', () => {
    const a = read('Mr. Tolliver met Rosa Kemp at Eastmoor University last spring.');
    expect(a.affiliations).toEqual([]);
  });

  it('a company called by the first word of its name ("Lumen\'s co-founder") is the company', () => {
    const a = read(
      'Lumen Robotics raised $40 million, it said on Thursday.',
      "Mei Tanaka, Lumen's co-founder and chief executive, said hiring would start at once.",
      "Arjun Mehta, a former engineer at Orbital Systems, is the company's chief technology officer.",
    );
    expect(a.organizations.map((o) => o.name)).toEqual(['Lumen Robotics', 'Orbital Systems']);
    expect(a.affiliations).toContainEqual(affiliation('Mei Tanaka', 'Lumen Robotics', 'co-founder'));
    expect(a.affiliations).toContainEqual(affiliation('Arjun Mehta', 'Orbital Systems', 'former engineer'));
  });

  it('a title naming a kind of body ("Police Chief") means the one the story named', () => {
    const a = read('The Dunmore Police Department made two arrests. Police Chief Angela Ruiz praised the officers.');
    expect(a.affiliations).toContainEqual(affiliation('Angela Ruiz', 'Dunmore Police Department', 'Police Chief'));
  });

  it('a relative clause after an appositive, and one pointing to a body by its noun', () => {
    const a = read(
      'Nora Lind, a former official in the transport ministry who directs the Coastal Policy Institute, spoke first.',
      'The Alder Marine Center will open in May. Tomas Berg, the marine biologist who surveyed the bay last year, will run it.',
      'Berg, who will run the center, said the work starts in June.',
    );
    expect(a.affiliations).toContainEqual(affiliation('Nora Lind', 'Coastal Policy Institute', 'director'));
    expect(a.affiliations).toContainEqual(affiliation('Tomas Berg', 'Alder Marine Center', 'head'));
    expect(a.people.find((p) => p.name === 'Tomas Berg')?.roles).toContain('marine biologist');
  });

  it('"The president of the <Org>, X," sets the role and the body before the name', () => {
    const a = read(
      'The president of the Ashby Teachers Association, Mark Dalby, said the union would fight any layoffs.',
    );
    expect(a.affiliations).toContainEqual(affiliation('Mark Dalby', 'Ashby Teachers Association', 'president'));
  });
});
