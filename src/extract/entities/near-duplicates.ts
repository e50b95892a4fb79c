// Near-identical spellings of one person: "Seth Rogan" in a caption and
// "Seth Rogen" in the body, or a bare "Keidis" for Anthony Kiedis.

import type { Entity, PersonEntity } from './entity-types.ts';
import type { NameMention } from './mention-types.ts';

/**
 * "Seth Rogan" in a caption and "Seth Rogen" in the body: same given name,
 * surnames one edit apart. The better-attested spelling wins.
 */
export function mergeNearDuplicates(people: PersonEntity[], entityOf: Map<NameMention, Entity>): void {
  // Two surnames one edit apart share a "one letter deleted" variant, so candidates are found by lookup, not by comparing all pairs.
  const byVariant = new Map<string, PersonEntity[]>();
  for (const p of people) {
    if (p.given === null || p.surname.length < 4 || p.surname.length > MAX_SURNAME_CHARS) continue;
    for (const v of deletionVariants(p.surname)) push(byVariant, `${p.given}|${v}`, p);
  }
  const merged = new Set<PersonEntity>();
  for (const a of people) {
    if (merged.has(a) || a.given === null || a.surname.length < 4 || a.surname.length > MAX_SURNAME_CHARS) continue;
    for (const v of deletionVariants(a.surname)) {
      for (const b of byVariant.get(`${a.given}|${v}`) ?? []) {
        if (b === a || merged.has(b) || merged.has(a) || editDistanceAtMostOne(a.surname, b.surname) !== 1) continue;
        const [keep, drop] = bodyWeight(a) >= bodyWeight(b) ? [a, b] : [b, a];
        for (const m of drop.mentions) {
          keep.mentions.push(m);
          entityOf.set(m, keep);
          keep.aliases.add(m.nameTokens.join(' '));
        }
        for (const r of drop.roles) if (!keep.roles.includes(r)) keep.roles.push(r);
        keep.weak &&= drop.weak;
        merged.add(drop);
      }
    }
  }
  if (merged.size > 0) {
    const kept = people.filter((p) => !merged.has(p));
    people.length = 0;
    for (const p of kept) people.push(p);
  }
}

function deletionVariants(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * A bare surname nobody else owns, one typo (or swapped pair of letters)
 * away from a known person's surname, is that person: "Keidis" → Anthony Kiedis.
 */
export function mergeMisspelledSurnames(people: PersonEntity[], entityOf: Map<NameMention, Entity>): void {
  // Surnames one typo apart share a "one letter deleted" variant (a swapped pair too), so candidates are looked up.
  const ownersBySurname = new Map<string, PersonEntity[]>();
  const surnamesByVariant = new Map<string, Set<string>>();
  for (const p of people) {
    if (p.given === null || p.surname.length < 5 || p.surname.length > MAX_SURNAME_CHARS) continue;
    if (!ownersBySurname.has(p.surname)) {
      for (const v of deletionVariants(p.surname))
        surnamesByVariant.set(v, (surnamesByVariant.get(v) ?? new Set()).add(p.surname));
    }
    push(ownersBySurname, p.surname, p);
  }
  const merged = new Set<PersonEntity>();
  for (const bare of people) {
    if (bare.given !== null || bare.surname.length < 5 || bare.surname.length > MAX_SURNAME_CHARS) continue;
    const surnames = new Set<string>();
    for (const v of deletionVariants(bare.surname))
      for (const surname of surnamesByVariant.get(v) ?? []) surnames.add(surname);
    const owners: PersonEntity[] = [];
    for (const surname of surnames) {
      if (!typoApart(surname, bare.surname)) continue;
      owners.push(...(ownersBySurname.get(surname) ?? []).slice(0, 2));
      if (owners.length > 1) break;
    }
    const owner = owners[0];
    if (owners.length !== 1 || !owner) continue;
    for (const m of bare.mentions) {
      owner.mentions.push(m);
      entityOf.set(m, owner);
    }
    merged.add(bare);
  }
  if (merged.size === 0) return;
  const kept = people.filter((p) => !merged.has(p));
  people.length = 0;
  for (const p of kept) people.push(p);
}

/** Longer "surnames" are runs of letters, not names: looking for their misspellings would cost the square of their length. */
const MAX_SURNAME_CHARS = 40;

function typoApart(a: string, b: string): boolean {
  if (editDistanceAtMostOne(a, b) === 1) return true;
  if (a.length !== b.length) return false;
  const diffs: number[] = [];
  for (let i = 0; i < a.length && diffs.length <= 2; i++) if (a[i] !== b[i]) diffs.push(i);
  const [i, j] = diffs;
  return diffs.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

function bodyWeight(p: PersonEntity): number {
  return p.mentions.filter((m) => m.start >= 0).length * 2 + p.mentions.length;
}

/** 0, 1, or 2 meaning "more than one": a linear-time check, no full matrix. */
export function editDistanceAtMostOne(a: string, b: string): 0 | 1 | 2 {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 1) return 2;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) ? 1 : 2;
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i) ? 1 : 2;
}

/** Appends `value` to the list kept under `key`, starting the list if needed. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
