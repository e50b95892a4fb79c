// Organization names: how their shape, their possessives and their context
// keep them apart from people and places. Invented sentences only.

import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../../src/extract/index.ts';
import { articleReader } from '../support/articles.ts';

const read = articleReader('Harbour towns weigh a new ferry contract');

const names = (a: ExtractedArticle) => a.organizations.map((o) => o.name);
const people = (a: ExtractedArticle) => a.people.map((p) => p.name);
const kindOf = (a: ExtractedArticle, name: string) => a.organizations.find((o) => o.name === name)?.kind;

describe('organization names', () => {
  it('keep a possessive inside the name, with curly and straight apostrophes alike', () => {
    const a = read(
      'Lena Vasquez, president of the Oyster Growers’ Guild Association, spoke first.',
      "Members of the Oyster Growers' Guild Association later voted against the plan. The Kelp Farmers’ Trust agreed.",
    );
    expect(names(a)).toEqual(["Oyster Growers' Guild Association", "Kelp Farmers' Trust"]);
    expect(people(a)).toEqual(['Lena Vasquez']);
  });

  it("let a place's or a person's possessive close the name before an organization", () => {
    const a = read("Canada's Fisheries Department said the stocks were stable.");
    expect(names(a)).toContain('Fisheries Department');
  });

  it('never take an organization head noun for a person', () => {
    const a = read(
      'The head of the Saltmarsh Rowing Association says the regatta will go ahead. The Association said so on Monday.',
    );
    expect(people(a)).toEqual([]);
    expect(a.quotes.every((q) => q.speaker?.name !== 'Association')).toBe(true);
  });

  it('read place names by their shape: "Port …", "… Point", "… Street", "City Hall"', () => {
    const a = read('Port Alder opened a ferry office on Quay Street near Gull Point, across from City Hall.');
    expect(people(a)).toEqual([]);
    expect(names(a)).toEqual([]);
  });

  it('count a council, board or commission as government when a government unit names it', () => {
    const a = read(
      'The Elm Valley Town Council and the Council on Coastal Policy met the Marsh County Board of Supervisors.',
    );
    expect(kindOf(a, 'Elm Valley Town Council')).toBe('government');
    expect(kindOf(a, 'Marsh County Board of Supervisors')).toBe('government');
    expect(kindOf(a, 'Council on Coastal Policy')).toBe('nonprofit');
  });

  it('keep "Friends of …" whole', () => {
    const a = read('The suit was brought by Friends of Heron Marsh, a neighborhood group.');
    expect(names(a)).toEqual(['Friends of Heron Marsh']);
  });

  it('drop a corporate suffix from the canonical name and read "Inc. said" as the company speaking', () => {
    const a = read(
      'Marlow Foods Inc. said on Tuesday that it would close its oldest plant. Marlow Foods employs 900 people.',
    );
    expect(names(a)).toEqual(['Marlow Foods']);
    expect(a.quotes[0]?.speaker).toEqual({ name: 'Marlow Foods', type: 'organization' });
  });

  it('keep "&" in a name', () => {
    const a = read('Nina Park, an analyst at Halloway & Finch Securities, expects more closures.');
    expect(names(a)).toEqual(['Halloway & Finch Securities']);
  });

  it('take a name someone holds a post "of" or "at" for an organization, wherever else it appears', () => {
    const a = read(
      'Tidewater Kelp announced a new farm.',
      '"We are ready," said Omar Saleh, chief executive of Tidewater Kelp.',
    );
    expect(names(a)).toEqual(['Tidewater Kelp']);
    expect(people(a)).toEqual(['Omar Saleh']);
  });

  it('take a name in apposition to a word for a body as an organization', () => {
    const a = read('The campaign hired a digital firm, Saltmarsh Analytics, in March.');
    expect(names(a)).toEqual(['Saltmarsh Analytics']);
  });

  it('read a name that fills a quotation as the title of a work', () => {
    const a = read('She is the author of "Winter and Power," a history of the port.');
    expect(names(a)).toEqual([]);
  });

  it('merge a short form into the one longer name it ends', () => {
    const a = read(
      'The Port Alder Harbor Authority controls the lanes. A Harbor Authority spokeswoman said the maps had arrived.',
    );
    expect(names(a)).toEqual(['Port Alder Harbor Authority']);
  });

  it('name a local body after the place the story is datelined in', () => {
    const a = read(
      'PORT ALDER — The City Council voted on Monday to delay the ferry contract.',
      'Port Alder has waited ten years for a new ferry.',
    );
    expect(names(a)).toEqual(['Port Alder City Council']);
    expect(kindOf(a, 'Port Alder City Council')).toBe('government');
  });
});
