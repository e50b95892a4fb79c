// Word shapes of place and organization names that the lexicon does not list:
// "Port Calder", "Gull Point", "Quay Street" are places; "City Council" is
// government wherever it sits; "Friends of Riverside Park" is a group.

import type { OrganizationKindHint } from './roles.ts';

/** First words of place names: "Port Calder", "Fort Wayne", "Lake Tahoe". */
export const PLACE_NAME_OPENERS: ReadonlySet<string> = new Set([
  'port',
  'fort',
  'ft',
  'mount',
  'mt',
  'lake',
  'cape',
  'isle',
  'glen',
  'san',
  'santa',
  'saint',
  'st',
  'los',
  'las',
]);

/** Last words of place names: "Gull Point", "Calder Sound", "Quay Street", "City Hall". */
export const PLACE_NAME_HEADS: ReadonlySet<string> = new Set([
  'city',
  'county',
  'township',
  'village',
  'borough',
  'parish',
  'province',
  'sound',
  'bay',
  'harbor',
  'harbour',
  'island',
  'islands',
  'river',
  'valley',
  'beach',
  'falls',
  'springs',
  'heights',
  'point',
  'creek',
  'lake',
  'park',
  'square',
  'street',
  'avenue',
  'road',
  'boulevard',
  'lane',
  'drive',
  'hall',
  'bridge',
  'canyon',
  'hills',
  'mountains',
  'coast',
  'peninsula',
  'shoals',
  'strait',
  'straits',
  'channel',
  'ward',
  'quay',
  'pier',
  'wharf',
  'marina',
  'plaza',
  'stadium',
  'arena',
  'airport',
  'station',
  'terminal',
]);

/** Words that make a council, board or commission part of government: "City Council", "County Board". */
export const GOVERNMENT_UNITS: ReadonlySet<string> = new Set([
  'city',
  'county',
  'town',
  'village',
  'municipal',
  'borough',
  'township',
  'parish',
  'state',
  'federal',
  'national',
  'regional',
  'district',
  'provincial',
  'metropolitan',
  'security',
  'legislative',
  'executive',
  'supreme',
  'superior',
  'appeals',
  'circuit',
  'school',
  'water',
  'port',
  'harbor',
  'harbour',
  'transit',
  'planning',
  'zoning',
  'coastal',
]);

/** Heads whose kind the words before them can turn into government. */
export const GOVERNABLE_HEADS: ReadonlySet<string> = new Set([
  'council',
  'commission',
  'board',
  'committee',
  'assembly',
  'court',
]);

/** Openers for names of the form "X of Y" that the organization lexicon lacks. */
export const EXTRA_ORGANIZATION_OPENERS: ReadonlyMap<string, OrganizationKindHint> = new Map<
  string,
  OrganizationKindHint
>([
  ['friends', 'nonprofit'],
  ['chamber', 'nonprofit'],
  ['society', 'nonprofit'],
  ['league', 'nonprofit'],
  ['union', 'nonprofit'],
  ['academy', 'university'],
  ['institute', 'nonprofit'],
  ['agency', 'agency'],
  ['authority', 'agency'],
  ['commission', 'government'],
  ['museum', 'nonprofit'],
  ['order', 'nonprofit'],
]);

/** Company-name tails written after the name proper: "Brightwater Foods Inc." is Brightwater Foods. */
export const CORPORATE_SUFFIXES: ReadonlySet<string> = new Set([
  'inc',
  'corp',
  'co',
  'ltd',
  'llc',
  'plc',
  'lp',
  'llp',
  'ag',
  'sa',
  'nv',
  'gmbh',
]);

/** "Brightwater Foods Inc." → "Brightwater Foods"; a one-word name keeps its suffix ("Acme Inc."). */
export function stripCorporateSuffix(name: string): string {
  const words = name.split(/\s+/);
  if (words.length < 3) return name;
  const last = (words[words.length - 1] ?? '').toLowerCase().replace(/\.$/, '');
  if (!CORPORATE_SUFFIXES.has(last)) return name;
  return words.slice(0, -1).join(' ').replace(/,$/, '');
}
