import type { DatelineStyle } from './unit.ts';

export const shoutedDateline: DatelineStyle = {
  name: 'shouted-dateline',
  kind: 'dateline',
  describes:
    'the place in capitals, perhaps a state or date and an agency, then a dash: "CALDER BAY, Maine (AP) —", "WASHINGTON —"',
  examples: [
    {
      text: 'CALDER BAY, Maine (AP) — Harbour master Tom Reyes said the channel would reopen on Friday after dredging.\n\nFishing boats have waited in Calder Bay since March.',
      quote: 'the channel would reopen on Friday after dredging',
      speaker: 'Tom Reyes',
    },
    {
      text: 'SÃO TOMÉ (AP) — Port director Lúcia Semedo said the new quay would open in May.\n\nCargo ships now anchor offshore.',
      quote: 'the new quay would open in May',
      speaker: 'Lúcia Semedo',
    },
  ],
  // Any capital letter, not only A–Z: "SÃO TOMÉ (AP) —", "ZÜRICH —".
  opening: /^\p{Lu}[\p{Lu} .,'’-]{2,40}(,[^—–]{1,30})?(\([^)]{1,20}\))?\s*[—–-]{1,2}\s/u,
  place: /^(\p{Lu}[\p{Lu}.'’ -]{1,40}?[\p{Lu}.])(?:,[^—–\n]{1,30})?\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--)\s/u,
  marks: ['—', '–', '-'],
};
