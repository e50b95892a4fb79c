// A modest gazetteer of widely known organizations, where the short form is
// how most people say it or where the long form must be recovered ("AP").
// General knowledge only; the compromise lexicon and name-shape rules cover
// the long tail.

import type { OrganizationKind } from '../../types.ts';
import { stripCorporateSuffix } from './name-shapes.ts';

export interface KnownOrganization {
  name: string;
  kind: OrganizationKind;
  aliases: string[];
}

const KNOWN: KnownOrganization[] = [
  // News agencies and outlets
  { name: 'Associated Press', kind: 'media', aliases: ['AP', 'The Associated Press'] },
  { name: 'Reuters', kind: 'media', aliases: ['Thomson Reuters'] },
  { name: 'Agence France-Presse', kind: 'media', aliases: ['AFP'] },
  { name: 'United Press International', kind: 'media', aliases: ['UPI'] },
  { name: 'BBC', kind: 'media', aliases: ['British Broadcasting Corporation', 'BBC News'] },
  { name: 'CNN', kind: 'media', aliases: ['Cable News Network'] },
  { name: 'NBC', kind: 'media', aliases: ['NBC News'] },
  { name: 'CBS', kind: 'media', aliases: ['CBS News'] },
  { name: 'ABC', kind: 'media', aliases: ['ABC News'] },
  { name: 'Fox News', kind: 'media', aliases: ['Fox News Channel'] },
  { name: 'MSNBC', kind: 'media', aliases: [] },
  { name: 'NPR', kind: 'media', aliases: ['National Public Radio'] },
  { name: 'PBS', kind: 'media', aliases: ['Public Broadcasting Service'] },
  { name: 'The New York Times', kind: 'media', aliases: ['New York Times', 'NYT', 'the Times'] },
  { name: 'The Washington Post', kind: 'media', aliases: ['Washington Post'] },
  { name: 'The Wall Street Journal', kind: 'media', aliases: ['Wall Street Journal', 'WSJ'] },
  { name: 'USA Today', kind: 'media', aliases: ['USA TODAY'] },
  { name: 'Bloomberg', kind: 'media', aliases: ['Bloomberg News'] },
  { name: 'Al Jazeera', kind: 'media', aliases: [] },
  { name: 'Politico', kind: 'media', aliases: ['POLITICO'] },
  // United States government
  { name: 'White House', kind: 'government', aliases: [] },
  { name: 'Congress', kind: 'government', aliases: ['U.S. Congress'] },
  { name: 'Senate', kind: 'government', aliases: ['U.S. Senate'] },
  { name: 'House of Representatives', kind: 'government', aliases: ['U.S. House'] },
  { name: 'Supreme Court', kind: 'government', aliases: ['U.S. Supreme Court'] },
  { name: 'Pentagon', kind: 'government', aliases: ['Defense Department', 'Department of Defense', 'DOD'] },
  { name: 'State Department', kind: 'government', aliases: ['Department of State'] },
  { name: 'Justice Department', kind: 'government', aliases: ['Department of Justice', 'DOJ'] },
  { name: 'Treasury Department', kind: 'government', aliases: ['Department of the Treasury', 'Treasury'] },
  { name: 'Department of Homeland Security', kind: 'government', aliases: ['DHS', 'Homeland Security Department'] },
  { name: 'Labor Department', kind: 'government', aliases: ['Department of Labor'] },
  { name: 'Federal Reserve', kind: 'government', aliases: ['the Fed'] },
  { name: 'FBI', kind: 'agency', aliases: ['Federal Bureau of Investigation', 'F.B.I.'] },
  { name: 'CIA', kind: 'agency', aliases: ['Central Intelligence Agency', 'C.I.A.'] },
  { name: 'NSA', kind: 'agency', aliases: ['National Security Agency', 'N.S.A.'] },
  { name: 'EPA', kind: 'agency', aliases: ['Environmental Protection Agency', 'E.P.A.'] },
  { name: 'IRS', kind: 'agency', aliases: ['Internal Revenue Service', 'I.R.S.'] },
  { name: 'FDA', kind: 'agency', aliases: ['Food and Drug Administration', 'F.D.A.'] },
  { name: 'CDC', kind: 'agency', aliases: ['Centers for Disease Control and Prevention', 'C.D.C.'] },
  { name: 'NASA', kind: 'agency', aliases: ['National Aeronautics and Space Administration'] },
  { name: 'FEMA', kind: 'agency', aliases: ['Federal Emergency Management Agency'] },
  { name: 'FCC', kind: 'agency', aliases: ['Federal Communications Commission'] },
  { name: 'SEC', kind: 'agency', aliases: ['Securities and Exchange Commission'] },
  { name: 'FTC', kind: 'agency', aliases: ['Federal Trade Commission'] },
  { name: 'Secret Service', kind: 'agency', aliases: [] },
  { name: 'NYPD', kind: 'agency', aliases: ['New York Police Department'] },
  { name: 'LAPD', kind: 'agency', aliases: ['Los Angeles Police Department'] },
  // Parties and political bodies
  { name: 'Republican Party', kind: 'party', aliases: ['GOP', 'G.O.P.'] },
  { name: 'Democratic Party', kind: 'party', aliases: [] },
  { name: 'Democratic National Committee', kind: 'party', aliases: ['DNC'] },
  { name: 'Republican National Committee', kind: 'party', aliases: ['RNC'] },
  // International bodies
  { name: 'United Nations', kind: 'government', aliases: ['UN', 'U.N.'] },
  { name: 'European Union', kind: 'government', aliases: ['EU', 'E.U.'] },
  { name: 'NATO', kind: 'government', aliases: ['North Atlantic Treaty Organization'] },
  { name: 'IMF', kind: 'government', aliases: ['International Monetary Fund', 'I.M.F.'] },
  { name: 'World Bank', kind: 'government', aliases: [] },
  { name: 'World Health Organization', kind: 'government', aliases: ['WHO'] },
  { name: 'World Trade Organization', kind: 'government', aliases: ['WTO'] },
  { name: 'OPEC', kind: 'government', aliases: ['Organization of the Petroleum Exporting Countries'] },
  { name: 'Kremlin', kind: 'government', aliases: [] },
  // Nonprofits and unions
  { name: 'ACLU', kind: 'nonprofit', aliases: ['American Civil Liberties Union'] },
  { name: 'NAACP', kind: 'nonprofit', aliases: ['National Association for the Advancement of Colored People'] },
  { name: 'AFL-CIO', kind: 'nonprofit', aliases: [] },
  { name: 'NRA', kind: 'nonprofit', aliases: ['National Rifle Association'] },
  { name: 'Red Cross', kind: 'nonprofit', aliases: ['American Red Cross'] },
  { name: 'Amnesty International', kind: 'nonprofit', aliases: [] },
  { name: 'Human Rights Watch', kind: 'nonprofit', aliases: [] },
  // Companies known by their short names
  { name: 'Sony', kind: 'company', aliases: ['Sony Corp.', 'Sony Corporation'] },
  { name: 'Apple', kind: 'company', aliases: ['Apple Inc.'] },
  { name: 'Google', kind: 'company', aliases: ['Alphabet'] },
  { name: 'Microsoft', kind: 'company', aliases: [] },
  { name: 'Amazon', kind: 'company', aliases: [] },
  { name: 'Facebook', kind: 'company', aliases: ['Meta'] },
  { name: 'Twitter', kind: 'company', aliases: [] },
  { name: 'Netflix', kind: 'company', aliases: [] },
  { name: 'Verizon', kind: 'company', aliases: ['Verizon Communications'] },
  { name: 'IBM', kind: 'company', aliases: [] },
  { name: 'Walmart', kind: 'company', aliases: ['Wal-Mart'] },
  // Banks whose names read like people's
  { name: 'Morgan Stanley', kind: 'company', aliases: [] },
  { name: 'Goldman Sachs', kind: 'company', aliases: [] },
  { name: 'JPMorgan Chase', kind: 'company', aliases: ['JPMorgan', 'J.P. Morgan'] },
  { name: 'Wells Fargo', kind: 'company', aliases: [] },
  { name: 'Charles Schwab', kind: 'company', aliases: [] },
  { name: 'Merrill Lynch', kind: 'company', aliases: [] },
  { name: 'Lehman Brothers', kind: 'company', aliases: [] },
];

/** The same names are looked up many times an article (every candidate run is tried as a known body). */
const orgKeys = new Map<string, string>();
const ORG_KEY_CACHE_LIMIT = 20_000;

const BY_FORM = new Map<string, KnownOrganization>();
for (const org of KNOWN) {
  for (const form of [org.name, ...org.aliases]) BY_FORM.set(normaliseOrgKey(form), org);
}

/**
 * Lower case, no leading "the", no dots, one apostrophe, no corporate suffix:
 * "The F.B.I." and "FBI" meet, and so do "Harbor Fishermen’s Association"
 * and "Harbor Fishermen's Association", "Brightwater Foods Inc." and "Brightwater Foods".
 */
export function normaliseOrgKey(name: string): string {
  const known = orgKeys.get(name);
  if (known !== undefined) return known;
  const key = orgKeyOf(name);
  if (orgKeys.size >= ORG_KEY_CACHE_LIMIT) orgKeys.clear();
  orgKeys.set(name, key);
  return key;
}

function orgKeyOf(name: string): string {
  return stripCorporateSuffix(canonicalSpelling(name))
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One spelling of the apostrophe in canonical names, so that curly and straight forms are the same name. */
export function canonicalSpelling(name: string): string {
  return name.replace(/[’‘`]/g, "'");
}

export function knownOrganization(name: string): KnownOrganization | undefined {
  return BY_FORM.get(normaliseOrgKey(name));
}

/**
 * Acronyms that look like organizations but are not ("U.S.", "TV", "OK").
 * Checked before an all-capitals word is taken for an organization.
 */
export const NOT_ORGANIZATION_ACRONYMS: ReadonlySet<string> = new Set([
  'us',
  'usa',
  'uk',
  'tv',
  'ok',
  'am',
  'pm',
  'ad',
  'bc',
  'id',
  'it',
  'ii',
  'iii',
  'iv',
  'vi',
  'vii',
  'viii',
  'ix',
  'xi',
  'xii',
  'dc',
  'la',
  'ny',
  'nyc',
  'nj',
  'ca',
  'tx',
  'fl',
  'gdp',
  'ceo',
  'cfo',
  'coo',
  'cto',
  'vp',
  'pr',
  'ai',
  'pc',
  'mp',
  'mps',
  'dj',
  'rip',
  'lol',
  'omg',
  'faq',
  'pdf',
  'url',
  'gps',
  'dna',
  'hiv',
  'aids',
  'covid',
  'a',
  'i',
  'o',
  'wi-fi',
  'vs',
  'st',
  'jr',
  'sr',
  'phd',
  'md',
  'ma',
  'ba',
  'bs',
  'mba',
  'lgbt',
  'lgbtq',
  'r',
  'd',
  'etc',
  'ie',
  'eg',
  'usd',
  'eur',
  'gbp',
  'mph',
  'km',
  'kg',
  'ft',
  'hq',
  'op-ed',
  'pac',
  'pacs',
  'tpp',
  'nafta',
  'brexit',
  'snl',
  'q',
  'gmt',
  'est',
  'pst',
  'edt',
  'pdt',
]);

/** What kind of organization a noun such as "the company" or "the ministry" refers to. */
export const KINDS_OF_ORGANIZATION_NOUN: ReadonlyMap<string, readonly OrganizationKind[]> = new Map<
  string,
  OrganizationKind[]
>(
  Object.entries({
    company: ['company', 'media'],
    firm: ['company'],
    bank: ['company'],
    business: ['company'],
    retailer: ['company'],
    maker: ['company'],
    manufacturer: ['company'],
    automaker: ['company'],
    carmaker: ['company'],
    airline: ['company'],
    insurer: ['company'],
    lender: ['company'],
    network: ['media', 'company'],
    newspaper: ['media'],
    paper: ['media'],
    magazine: ['media'],
    publisher: ['media', 'company'],
    studio: ['company'],
    ministry: ['government'],
    department: ['government', 'agency'],
    administration: ['government'],
    government: ['government'],
    agency: ['agency', 'government'],
    bureau: ['agency'],
    university: ['university'],
    school: ['university'],
    college: ['university'],
    party: ['party'],
    union: ['nonprofit'],
    group: ['nonprofit', 'company'],
    organization: ['nonprofit', 'government'],
    fund: ['government', 'nonprofit', 'company'],
    foundation: ['nonprofit'],
    committee: ['government', 'party', 'nonprofit'],
    court: ['government'],
    institute: ['nonprofit', 'university'],
    center: ['nonprofit', 'university'],
    association: ['nonprofit'],
    coalition: ['nonprofit'],
    council: ['government', 'nonprofit'],
    commission: ['government', 'agency'],
    board: ['government', 'agency'],
    authority: ['agency', 'government'],
    club: ['other'],
    team: ['other'],
    league: ['nonprofit', 'other'],
    trust: ['nonprofit'],
    police: ['agency', 'government'],
    utility: ['company'],
    district: ['government', 'agency'],
    operator: ['company'],
    carrier: ['company'],
    pharmacy: ['company'],
    store: ['company'],
    restaurant: ['company'],
    hospital: ['nonprofit', 'company'],
  }),
);
