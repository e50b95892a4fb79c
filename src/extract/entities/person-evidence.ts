// Context that makes an unknown capitalised name a person: it speaks ("Limbaugh
// told…"), it is introduced with a role ("host Rush Limbaugh", "Koh Yu-hwan, a
// … professor"), it is given an age ("Liam Carver, 34,"), or its surname does one of those elsewhere.

import { type ArticleIndex, isCueToken } from '../text/article-index.ts';
import type { NameMention } from './mention-types.ts';
import { isRoleNoun, isRoleOrOccupation } from './roles.ts';

export function personEvidence(index: ArticleIndex): (m: NameMention) => boolean {
  const supportedSurnames = new Set<string>();
  const supported = new Set<NameMention>();
  for (const m of index.mentions) {
    if (m.kind !== 'unknown' && m.kind !== 'person') continue;
    if (m.nameTokens.some((w) => /^\p{Lu}{2,}$/u.test(w))) continue;
    if (speaks(index, m) || introducedWithRole(index, m)) {
      supported.add(m);
      supportedSurnames.add((m.nameTokens[m.nameTokens.length - 1] ?? '').toLowerCase());
    }
  }
  return (m) => {
    if (m.kind === 'person') return true;
    if (m.kind !== 'unknown' || m.nameTokens.length > 4) return false;
    if (supported.has(m)) return true;
    return supportedSurnames.has((m.nameTokens[m.nameTokens.length - 1] ?? '').toLowerCase());
  };
}

/** Followed by a speech verb ("Kiedis said"), or right after one ("said Gerstein"). */
function speaks(index: ArticleIndex, m: NameMention): boolean {
  const lang = index.doc.language;
  const { tokens } = index.doc;
  if (m.inQuote || m.possessive) return false;
  let k = m.endToken;
  while (tokens[k] && lang.cues.subjectVerbFillers.has(tokens[k]?.lower ?? '')) k++;
  if (isCueToken(tokens[k], lang)) return true;
  const before = tokens[m.firstToken - 1];
  const after = tokens[m.endToken];
  return isCueToken(before, lang) && !after?.isWord;
}

function introducedWithRole(index: ArticleIndex, m: NameMention): boolean {
  const lang = index.doc.language;
  const { tokens } = index.doc;
  const before = tokens[m.firstToken - 1];
  if (before?.isWord && !before.cap && isRoleNoun(before.lower, lang)) return true;
  if (tokens[m.endToken]?.text !== ',') return false;
  // "Liam Carver, 34, of Harbour Road": an age set off by commas belongs to a person.
  if (
    /^\d{1,3}$/.test(tokens[m.endToken + 1]?.text ?? '') &&
    /^[,)]$/.test(tokens[m.endToken + 2]?.text ?? '') &&
    m.nameTokens.length >= 2
  )
    return true;
  // "Its president, Alma Ruiz, said": the role stands before the name, set off by commas.
  const roleBefore = tokens[m.firstToken - 2];
  if (
    before?.text === ',' &&
    roleBefore &&
    roleBefore.isWord &&
    !roleBefore.cap &&
    isRoleOrOccupation(roleBefore.lower, lang)
  )
    return true;
  for (let k = m.endToken + 1; k < Math.min(tokens.length, m.endToken + 8); k++) {
    const t = tokens[k];
    if (!t || t.text === ',' || t.text === '.') break;
    if (t.isWord && !t.cap && isRoleOrOccupation(t.lower, lang)) return true;
  }
  return false;
}
