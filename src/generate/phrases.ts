// Words and sentence patterns for synthetic articles. `{a}` and `{b}` are filled with two of
// a topic's keywords, `{topic}` with its name, `{town}` with a town, `{n}` with a number.

export interface Topic {
  name: string;
  keywords: string[];
}

export const topics: Topic[] = [
  { name: 'tidal energy pilot', keywords: ['turbine', 'pier', 'survey', 'tide', 'grid', 'harbor'] },
  { name: 'port expansion', keywords: ['dredging', 'quay', 'container', 'berth', 'crane', 'channel'] },
  { name: 'water rationing', keywords: ['reservoir', 'drought', 'pipeline', 'meter', 'rainfall', 'leak'] },
  { name: 'rail strike', keywords: ['drivers', 'timetable', 'union', 'wages', 'signal', 'commuters'] },
  { name: 'housing plan', keywords: ['rent', 'tenants', 'mortgage', 'landlord', 'zoning', 'apartment'] },
  { name: 'fishing quota', keywords: ['trawler', 'cod', 'quota', 'catch', 'licence', 'fleet'] },
  { name: 'hospital waiting lists', keywords: ['surgery', 'nurses', 'ward', 'clinic', 'patients', 'ambulance'] },
  { name: 'school reform', keywords: ['teachers', 'curriculum', 'exam', 'classroom', 'pupils', 'funding'] },
  { name: 'flood defences', keywords: ['levee', 'river', 'barrier', 'storm', 'embankment', 'pump'] },
  { name: 'offshore wind farm', keywords: ['wind', 'cable', 'seabed', 'blade', 'substation', 'birds'] },
  { name: 'tariff dispute', keywords: ['tariff', 'steel', 'exports', 'customs', 'quota', 'negotiators'] },
  { name: 'bank merger', keywords: ['merger', 'shareholders', 'branches', 'regulator', 'deposits', 'jobs'] },
  { name: 'bridge repair', keywords: ['bridge', 'cracks', 'traffic', 'inspection', 'detour', 'concrete'] },
  { name: 'vaccine rollout', keywords: ['vaccine', 'doses', 'pharmacies', 'booster', 'appointments', 'supply'] },
  { name: 'election campaign', keywords: ['ballot', 'polls', 'candidates', 'debate', 'turnout', 'manifesto'] },
  { name: 'airport noise rules', keywords: ['flights', 'runway', 'noise', 'curfew', 'residents', 'airlines'] },
];

export const headlines = [
  '{town} council backs {topic}',
  'Questions grow over the {topic}',
  '{country} delays decision on {topic}',
  'What the {topic} means for {town}',
  '{town} divided as {topic} moves ahead',
  'Critics fault {topic} over {a}',
  'New report on {a} puts {topic} in doubt',
  'Ministers promise answers on {topic}',
  '{a} and {b}: the {topic} explained',
  'Talks on {topic} resume after {a} row',
];

export const deks = [
  'A vote this week clears the way for work on the {a}.',
  'Residents of {town} want answers on the {a} before the {b} goes ahead.',
  'The {topic} faces its biggest test yet.',
  'Officials say the {b} will be ready within {n} months.',
  'Critics say the {a} was never properly studied.',
];

export const captions = [
  'The {a} in {town} at dawn',
  'Work on the {a} near {town}',
  'Protesters outside the {b} office',
];

export const directQuotes = [
  'We will not rush the {a} before the {b} is finished',
  'The {a} has to be safe for everyone who depends on the {b}',
  'Nobody here wants to see the {a} delayed again',
  'This is the right step, and the {b} will show it',
  'I have asked for a full review of the {a}',
  'Our numbers on the {a} are clear, and they are not good',
  'The {a} will cost less than people fear',
  'There is no plan B for the {a}',
  'We heard the concerns about the {b} and we changed the plan',
  'It is too early to say what the {a} means for {town}',
  'Every family in {town} will feel the {a} sooner or later',
  'We have spent {n} years talking about the {a}, and it is time to act',
  'Nobody will be asked to take the {b} on trust',
  'The {a} is not a luxury, it is a necessity',
  'If the {b} fails, we will all pay for it',
  'I understand the anger about the {a}, and I share some of it',
];

export const partialQuotes = [
  'a careful first step',
  'a serious mistake',
  'long overdue',
  'the wrong answer to the {a} question',
  'a test for the whole {b}',
  'not a done deal',
  'reckless and expensive',
  'the best chance in a generation',
  'a gamble with the {a}',
];

export const indirectQuotes = [
  'the {a} would be delayed until the {b} was checked',
  'the ministry had not yet seen the report on the {a}',
  'the {a} would cost about {n} million',
  'talks on the {b} would resume next week',
  'the {a} had been approved by a narrow margin',
  'more money for the {b} was on the way',
  'the plans for the {a} were still being drawn up',
  'the {b} was safe for now',
];

export const fillers = [
  'The {topic} has divided opinion in {town} for months.',
  'Work on the {a} is due to start within {n} months.',
  'Officials expect a decision on the {b} by the end of the year.',
  'The {a} was first proposed {n} years ago.',
  'Several hundred people attended a public meeting on the {b}.',
  'A report on the {a} is expected to be published in the spring.',
  'The cost of the {topic} has risen sharply since it was announced.',
  'Opponents have collected thousands of signatures against the {a}.',
];

export const relatedLinkTitles = {
  photos: ['PHOTOS: The {a} through the years', 'PHOTOS: Inside the {b}'],
  video: ['VIDEO: How the {a} works', 'VIDEO: {town} reacts to the {topic}'],
  audio: ['LISTEN: The {topic} debate'],
  article: [
    'What a {a} looks like',
    'Timeline: the {topic}',
    'Analysis: who pays for the {b}',
    'Explainer: the {a} rules',
  ],
  other: ['Read the full {a} report'],
} as const;

/** Fills `{name}` slots from the given values. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

export function capitalize(text: string): string {
  return text.length ? text[0]!.toUpperCase() + text.slice(1) : text;
}
