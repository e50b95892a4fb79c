// Datelines are read from the house-style registry (src/extract/styles/): a
// paragraph that opens with one has its sentence start after it, so the
// dateline is neither part of a reported clause nor taken for its speaker.

import { describe, expect, it } from 'vitest';
import { findNameMentions } from '../../src/extract/entities/mentions.ts';
import { extractArticle } from '../../src/extract/index.ts';
import { english } from '../../src/extract/language/en/index.ts';
import { analyseText } from '../../src/extract/text/document.ts';

const reported = (text: string) => extractArticle({ text }).quotes.filter((q) => q.kind === 'indirect');

describe('datelines from the registry, before reported speech', () => {
  it('leaves an agency dateline ("Kisumu, Jun 12 (KNA)") out of the reported clause that follows it', () => {
    const text =
      'Kisumu, Jun 12 (KNA) The county water board will repair the lakeside pipeline before the rains, engineer Grace Atieno said on Thursday.\n\n' +
      'Residents have carried water from the lake since the pipe burst in May.';
    const [quote] = reported(text);
    expect(quote?.text).toBe('The county water board will repair the lakeside pipeline before the rains');
    expect(quote?.speaker?.name).toBe('Grace Atieno');
  });

  it('still skips a shouted dateline with a dash ("PORT ELLIS, Ore. (AP) —")', () => {
    const text =
      'PORT ELLIS, Ore. (AP) — The ferry will run twice a day from June, harbour master Luis Ortega said on Monday.\n\n' +
      'The crossing takes forty minutes.';
    const [quote] = reported(text);
    expect(quote?.text).toBe('The ferry will run twice a day from June');
    expect(quote?.speaker?.name).toBe('Luis Ortega');
  });

  it('does not read the place of a shouted dateline as a name', () => {
    const paragraphs = [
      'BRANSKILL, Montana (AP) — Rescuers pumped water from the mine on Tuesday, and foreman Ada Quill said the crew was safe.',
      'GLEN MARROW — Sheriff Dana Kowalczyk said the road would stay closed.',
    ];
    const names = findNameMentions(analyseText(paragraphs, english)).map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['Ada Quill', 'Dana Kowalczyk']));
    expect(names).not.toContain('BRANSKILL');
    expect(names).not.toContain('GLEN MARROW');
  });
});
