// Countries and their adjectives, for recognising places and for naming the
// government body an unnamed official speaks for ("North Korean Foreign Ministry").

const COUNTRY_ADJECTIVES: ReadonlyArray<[string, string, ...string[]]> = [
  // [canonical name, adjective, other names…]
  ['United States', 'U.S.', 'U.S.', 'US', 'USA', 'America', 'United States of America'],
  ['United Kingdom', 'British', 'UK', 'U.K.', 'Britain', 'Great Britain'],
  ['North Korea', 'North Korean', 'DPRK'],
  ['South Korea', 'South Korean'],
  ['China', 'Chinese'],
  ['Japan', 'Japanese'],
  ['Russia', 'Russian'],
  ['Ukraine', 'Ukrainian'],
  ['France', 'French'],
  ['Germany', 'German'],
  ['Italy', 'Italian'],
  ['Spain', 'Spanish'],
  ['Portugal', 'Portuguese'],
  ['Canada', 'Canadian'],
  ['Mexico', 'Mexican'],
  ['Brazil', 'Brazilian'],
  ['Argentina', 'Argentine'],
  ['India', 'Indian'],
  ['Pakistan', 'Pakistani'],
  ['Afghanistan', 'Afghan'],
  ['Iran', 'Iranian'],
  ['Iraq', 'Iraqi'],
  ['Syria', 'Syrian'],
  ['Israel', 'Israeli'],
  ['Egypt', 'Egyptian'],
  ['Turkey', 'Turkish'],
  ['Saudi Arabia', 'Saudi'],
  ['Cuba', 'Cuban'],
  ['Venezuela', 'Venezuelan'],
  ['Philippines', 'Philippine', 'the Philippines'],
  ['Vietnam', 'Vietnamese'],
  ['Indonesia', 'Indonesian'],
  ['Australia', 'Australian'],
  ['Nigeria', 'Nigerian'],
  ['South Africa', 'South African'],
  ['Kenya', 'Kenyan'],
  ['Ireland', 'Irish'],
  ['Netherlands', 'Dutch', 'Holland'],
  ['Belgium', 'Belgian'],
  ['Sweden', 'Swedish'],
  ['Norway', 'Norwegian'],
  ['Denmark', 'Danish'],
  ['Finland', 'Finnish'],
  ['Poland', 'Polish'],
  ['Greece', 'Greek'],
  ['Switzerland', 'Swiss'],
  ['Austria', 'Austrian'],
  ['Burma', 'Burmese', 'Myanmar'],
  ['Thailand', 'Thai'],
  ['Taiwan', 'Taiwanese'],
  ['Libya', 'Libyan'],
  ['Lebanon', 'Lebanese'],
  ['Jordan', 'Jordanian'],
  ['Yemen', 'Yemeni'],
  ['Qatar', 'Qatari'],
  ['Colombia', 'Colombian'],
  ['Chile', 'Chilean'],
  ['Peru', 'Peruvian'],
  ['Hungary', 'Hungarian'],
  ['Czech Republic', 'Czech'],
];

const COUNTRY_BY_FORM = new Map<string, string>();
const ADJECTIVE_OF = new Map<string, string>();
for (const [name, adjective, ...others] of COUNTRY_ADJECTIVES) {
  for (const form of [name, adjective, ...others]) COUNTRY_BY_FORM.set(form.toLowerCase(), name);
  ADJECTIVE_OF.set(name, adjective);
}

/** "North Korean" or "North Korea" or "DPRK" → "North Korea". */
export function countryOf(form: string): string | undefined {
  return COUNTRY_BY_FORM.get(form.toLowerCase().replace(/^the\s+/, ''));
}

export function countryAdjective(country: string): string | undefined {
  return ADJECTIVE_OF.get(country);
}
