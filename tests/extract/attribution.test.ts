// Who said it: the attribution patterns, each with its own invented example.

import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../../src/extract/index.ts';
import { articleReader } from '../support/articles.ts';

const read = articleReader('River towns brace for the spring flood');

function speakerOf(article: ExtractedArticle, quoteStart: string) {
  const q = article.quotes.find((x) => x.text.startsWith(quoteStart));
  if (!q) throw new Error(`no quote starting "${quoteStart}" in ${JSON.stringify(article.quotes.map((x) => x.text))}`);
  return {
    name: q.speaker?.name ?? null,
    type: q.speaker?.type ?? null,
    label: q.speakerLabel,
    cue: q.cue,
    kind: q.kind,
  };
}

describe('attribution patterns', () => {
  it('"…," X said', () => {
    const a = read('"The levee will hold," engineer Priya Natarajan said on Tuesday.');
    expect(speakerOf(a, 'The levee')).toMatchObject({ name: 'Priya Natarajan', cue: 'said' });
  });

  it('"…," said X, with an appositive after the name', () => {
    const a = read('"We sandbagged every street by midnight," said Tomas Eklund, the town\'s fire chief.');
    expect(speakerOf(a, 'We sandbagged')).toMatchObject({ name: 'Tomas Eklund', type: 'person' });
  });

  it('X said: "…" and X told reporters, "…"', () => {
    const a = read(
      'Governor Alice Mbeki said: "Help is on the way."',
      'Later, Mbeki told reporters, "Nobody will be left behind."',
    );
    expect(speakerOf(a, 'Help is')).toMatchObject({ name: 'Alice Mbeki', cue: 'said' });
    expect(speakerOf(a, 'Nobody will')).toMatchObject({ name: 'Alice Mbeki', label: 'Mbeki', cue: 'told' });
  });

  it('"…!" X replied, with the attribution in the next sentence', () => {
    const a = read(
      'Councillor Ben Okafor asked whether the pumps had failed. "They never even started!" Ruth Castellano replied.',
    );
    expect(speakerOf(a, 'They never')).toMatchObject({ name: 'Ruth Castellano', cue: 'replied' });
  });

  it('according to X', () => {
    const a = read('According to Mayor Ingrid Solberg, "the water is still rising."');
    expect(speakerOf(a, 'the water')).toMatchObject({ name: 'Ingrid Solberg', cue: 'according to' });
  });

  it('an introduction ending with a colon, then the quotation in its own paragraph', () => {
    const a = read(
      'Nora Patel, who runs the shelter, wrote to volunteers:',
      '"We need blankets, not money, this week."',
    );
    expect(speakerOf(a, 'We need blankets')).toMatchObject({ name: 'Nora Patel' });
  });

  it('a paragraph that opens with a quote mark continues the previous speaker', () => {
    const a = read(
      '"We are ready for the worst," said Captain Lee Grant of the river police.',
      '"The crew has trained for this for months."',
    );
    expect(speakerOf(a, 'The crew')).toMatchObject({ name: 'Lee Grant' });
  });

  it('"she said" goes to the woman when a man was named last', () => {
    const a = read(
      'Maria Gomez met Tom Baker at the relief centre on Monday.',
      '"We have enough food for a week," she said.',
    );
    expect(speakerOf(a, 'We have enough')).toMatchObject({ name: 'Maria Gomez', label: 'she' });
  });

  it('"he said" goes to the man most recently in focus', () => {
    const a = read(
      'Paul Roberts opened the meeting.',
      'Then Henry Walsh, the county surveyor, took the floor. "The maps are forty years old," he said.',
    );
    expect(speakerOf(a, 'The maps')).toMatchObject({ name: 'Henry Walsh', label: 'he' });
  });

  it('"he said" is not taken by a name inside a prepositional phrase', () => {
    const a = read(
      'Farmer Josef Novak lost half his herd. He spent the night on the phone with Carl Dietrich, his insurer.',
      '"I have nothing left to sell," he said.',
    );
    expect(speakerOf(a, 'I have nothing')).toMatchObject({ name: 'Josef Novak' });
  });

  it('"the mayor said" goes to the person introduced as mayor', () => {
    const a = read('Mayor Ana Torres toured the flooded streets.', '"We will rebuild every house," the mayor said.');
    expect(speakerOf(a, 'We will rebuild')).toMatchObject({ name: 'Ana Torres', label: 'the mayor' });
  });

  it('an unnamed spokesman speaks for the organization named with him', () => {
    const a = read(
      'A Transport Ministry spokesman said the bridge would stay closed.',
      '"Safety comes first," the spokesman said.',
    );
    expect(speakerOf(a, 'Safety comes first')).toMatchObject({
      name: 'Transport Ministry',
      type: 'organization',
      label: 'the spokesman',
    });
    expect(a.affiliations).toContainEqual({
      person: 'Transport Ministry spokesman',
      organization: 'Transport Ministry',
      role: 'spokesman',
      unnamed: true,
    });
  });

  it('"the company said" goes to the company named before', () => {
    const a = read(
      'Harbor Freight Lines suspended its barge service on Friday.',
      '"Our first concern is our crews," the company said in a statement.',
    );
    expect(speakerOf(a, 'Our first concern')).toMatchObject({
      name: 'Harbor Freight Lines',
      type: 'organization',
      label: 'the company',
    });
  });

  it('"went on to say" finds the subject before the governing verb', () => {
    const a = read('Engineer Amir Haddad praised the crews. He went on to say: "The real test comes next spring."');
    expect(speakerOf(a, 'The real test')).toMatchObject({ name: 'Amir Haddad' });
  });

  it('a participle in an aside does not hide the subject', () => {
    const a = read('Haddad, citing figures from the county, said: "Half the culverts are blocked."');
    expect(speakerOf(a, 'Half the culverts')).toMatchObject({ label: 'Haddad' });
  });

  it('"X\'s statement:" names the source of what follows', () => {
    const a = read(
      'Senator Olga Petrova was not at the hearing. From Petrova\'s statement: "We will fund the repairs in full."',
    );
    expect(speakerOf(a, 'We will fund')).toMatchObject({ name: 'Olga Petrova' });
  });

  it('a group of speakers keeps its label and no invented name', () => {
    const a = read('"This could have been prevented," residents said.');
    expect(speakerOf(a, 'This could')).toMatchObject({ name: null, label: 'residents' });
  });

  it('"X and Y" in one capitalised run are two people, and the subject speaks', () => {
    const a = read(
      'Lucia Ferrante and Marco Bellini inspected the dam together. "It is older than it looks," Ferrante said.',
    );
    expect(speakerOf(a, 'It is older')).toMatchObject({ name: 'Lucia Ferrante' });
  });

  it('the first sentence of the next paragraph never attributes a quotation that ended the paragraph before', () => {
    const a = read(
      'Rosa Lind, who chairs the flood board, called the delay "a scandal."',
      'The county engineer, Victor Hale, said the pumps were ordered in March.',
    );
    expect(speakerOf(a, 'a scandal')).toMatchObject({ name: 'Rosa Lind' });
  });

  it('"He said" followed by a clause reports something new rather than attributing the quotation before it', () => {
    const a = read('Professor Ada Quist called the levee report "careless." He said the board should start again.');
    expect(speakerOf(a, 'careless')).toMatchObject({ name: 'Ada Quist', cue: 'called' });
  });

  it('a document speaks for its owner, not for the people it was sent to', () => {
    const a = read(
      'Mayor Tom Reyes wrote to residents on Friday. Reyes\' email to his neighbours notes that the dam "has never been safer."',
    );
    expect(speakerOf(a, 'has never been safer')).toMatchObject({ name: 'Tom Reyes' });
  });

  it('"the email goes on to say" continues the author quoted just before', () => {
    const a = read(
      'Greta Holm, who runs the food bank, emailed volunteers on Monday, telling them: "We are out of rice."',
      'The email goes on to say: "Please bring tins if you can."',
    );
    expect(speakerOf(a, 'Please bring tins')).toMatchObject({ name: 'Greta Holm', label: 'The email' });
  });

  it('"<Title> X of <Org> called it …" is the person, not the organization they are of', () => {
    const a = read('Professor Ines Varga of Eastmoor University, who studies floods, called the plan "a fair start."');
    expect(speakerOf(a, 'a fair start')).toMatchObject({ name: 'Ines Varga', type: 'person' });
  });

  it('"the head of <Org> says" is the leader the story names, else nobody — never the organization', () => {
    const named = read(
      "Dale Kerrigan, president of the Oyster Growers' Association, toured the beds.",
      "The head of the Oyster Growers' Association says the beds are ruined.",
    );
    expect(speakerOf(named, 'the beds are ruined')).toMatchObject({ name: 'Dale Kerrigan', type: 'person' });
    const unnamed = read('The head of the Alder Lakes Network said the results were clear.');
    expect(speakerOf(unnamed, 'the results were clear')).toMatchObject({
      name: null,
      label: 'The head of the Alder Lakes Network',
    });
  });

  it('an unnamed spokesman in reported speech is an unnamed affiliation too', () => {
    const a = read('A spokesman for the state Coastal Lands Commission said the review would end in May.');
    expect(speakerOf(a, 'the review would end')).toMatchObject({
      name: 'Coastal Lands Commission',
      type: 'organization',
    });
    expect(a.affiliations).toContainEqual({
      person: 'spokesman for the state Coastal Lands Commission',
      organization: 'Coastal Lands Commission',
      role: 'spokesman',
      unnamed: true,
    });
  });

  it('"he said" after a quotation goes to the subject of the sentence that introduced it', () => {
    const a = read(
      'Mayor Tom Reyes spoke for an hour about the levee.',
      'Carl Ostrom, who worked for the mayor\'s father, Sam Reyes, listed the repairs: "Every gate needs new seals," he said.',
    );
    expect(speakerOf(a, 'Every gate')).toMatchObject({ name: 'Carl Ostrom', label: 'he' });
  });

  it('"he said" after a quotation opening a sentence goes to the person the sentence before introduced', () => {
    const a = read(
      '"We will pump all night," Tom Reyes said. "Nobody sleeps until the water drops."',
      'Rep. Carl Ostrom also addressed the crowd when introducing the engineers. "The pumps are older than I am," he said.',
    );
    expect(speakerOf(a, 'The pumps are older')).toMatchObject({ name: 'Carl Ostrom', label: 'he' });
  });

  it('a name after "the" that modifies a noun does not become the next sentence\'s subject', () => {
    const a = read(
      'Ana Torres opened the hearing.',
      'The Torres plan is made possible by the state, said Maria Gomez, the county engineer. Others are "running out of sandbags," she said.',
    );
    expect(speakerOf(a, 'running out')).toMatchObject({ name: 'Maria Gomez', label: 'she' });
  });

  it('"his claim that …" and "X\'s March comment that, "…"" make the owner of the statement the speaker', () => {
    const a = read(
      'Mayor Tom Reyes repeated his claim that "nobody warned us" about the dam.',
      'Growers are wary of Senator Ruth Hale after her March comment that, "Some farms will have to close."',
      'Critics seized on Hale\'s promise that the state would "cover every loss."',
    );
    expect(speakerOf(a, 'nobody warned us')).toMatchObject({ name: 'Tom Reyes', label: 'his', cue: 'claim' });
    expect(speakerOf(a, 'Some farms')).toMatchObject({ name: 'Ruth Hale', cue: 'comment' });
    expect(speakerOf(a, 'cover every loss')).toMatchObject({ name: 'Ruth Hale', cue: 'promise' });
  });

  it("a statement noun inside someone else's report stays the reporter's words", () => {
    const a = read(
      'Senator Ruth Hale met farmers. The mayor, Tom Reyes, said Hale\'s remarks "made a hard week harder."',
    );
    expect(speakerOf(a, 'made a hard week')).toMatchObject({ name: 'Tom Reyes' });
  });

  it('a parenthetical after the name does not hide the speaker: "Rep. X (D-Ore.), chair of …, said"', () => {
    const a = read('Rep. Elias Varro (D-Ore.), chair of the flood panel, said that the fund was "nearly empty."');
    expect(speakerOf(a, 'nearly empty')).toMatchObject({ name: 'Elias Varro' });
  });

  it('"…, saying, "…"" after a scare-quoted word still reads the participle, and its subject is the name opening the sentence', () => {
    const a = read('Kessel mocked the county "experts," saying, "Nobody here has seen a flood like this!"');
    expect(speakerOf(a, 'Nobody here')).toMatchObject({ name: 'Kessel', cue: 'saying' });
  });

  it('"said Hale constituent Dan Golvin": a name before a noun describes the person named after it', () => {
    const a = read(
      '"We need the levee raised," said Hale constituent Dan Golvin, whose farm flooded twice.',
      '"We need it now," said Ruth Moran of Cheyenne.',
    );
    expect(speakerOf(a, 'We need the levee')).toMatchObject({ name: 'Dan Golvin' });
    expect(speakerOf(a, 'We need it now')).toMatchObject({ name: 'Ruth Moran' });
  });

  it('"released a statement saying that … "…"" and ", calling it a "…"" belong to the subject of the sentence', () => {
    const a = read(
      'After the vote, Harbour Commissioner Lena Brandt released a statement saying that the board had "listened to every fisherman" at the hearing, calling the result a "fair compromise."',
    );
    expect(speakerOf(a, 'listened to every')).toMatchObject({ name: 'Lena Brandt', cue: 'saying' });
    expect(speakerOf(a, 'fair compromise')).toMatchObject({ name: 'Lena Brandt', cue: 'calling' });
  });

  it("a quotation opening a sentence after narration about a person is that person's, even after another speaker's quote", () => {
    const a = read(
      '"The river will drop by Friday," Tom Baker said. Maria Gomez shook her head. "I have heard that every spring."',
      'Inspector Hana Sato mentioned that the gauges had failed twice. "Does anyone check them?"',
    );
    expect(speakerOf(a, 'I have heard')).toMatchObject({ name: 'Maria Gomez' });
    expect(speakerOf(a, 'Does anyone')).toMatchObject({ name: 'Hana Sato' });
  });

  it('"the U.S. presidential candidate" is a person, not the country', () => {
    const a = read(
      'Senator Ruth Hale toured the port. A day later the U.S. presidential candidate said the port needed federal money.',
    );
    expect(speakerOf(a, 'the port needed')).toMatchObject({ name: 'Ruth Hale', type: 'person' });
  });

  it('"The engineer first said …, but in a later interview said he had a "…" moment" keeps the first subject', () => {
    const a = read(
      'The county engineer first said he did not remember the warning, but in a later interview said he had an "oh, no" moment.',
    );
    expect(speakerOf(a, 'oh, no')).toMatchObject({ label: 'The county engineer' });
  });

  it('inside someone\'s report, what another person "wants" is still the reporter\'s wording', () => {
    const a = read(
      'Mayor Ana Torres told the council she will protect the wetlands while her rival, Carl Dietrich, wants to "pave the whole marsh."',
    );
    expect(speakerOf(a, 'pave the whole marsh')).toMatchObject({ name: 'Ana Torres' });
  });
});
