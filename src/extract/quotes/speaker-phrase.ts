// Reading the words that name a speaker around a speech verb: "Obama said",
// "said Hans Joachim Schellnhuber, the director…", "the spokesman said",
// "Koh Yu-hwan, a … professor, also said". Token scans with small bounded
// windows: linear, no backtracking.

import type { LanguagePack } from '../language/pack.ts';
import type { NameMention } from '../entities/mention-types.ts';
import { afterDateline, type ArticleIndex, isCueAt, isCueToken, isParticipleAt } from '../text/article-index.ts';
import type { Token } from '../text/tokens.ts';
import { finiteAt } from './clause.ts';
import {
  couldHeadSpeakerPhrase,
  isVerbForm,
  MAX_NP_TOKENS,
  nameOrNounPhrase,
  nounPhrase,
  phraseEndingAt,
  phraseKindOfHead,
  pronounPhrase,
  type SpeakerPhrase,
} from './noun-phrase.ts';

export { phraseEndingAt, phraseKindOfHead, type PhraseKind, type SpeakerPhrase } from './noun-phrase.ts';

const MAX_APPOSITIVE_TOKENS = 28;

function isFiller(t: Token | undefined, lang: LanguagePack): boolean {
  if (!t?.isWord || t.cap) return false;
  return (
    lang.cues.subjectVerbFillers.has(t.lower) ||
    (/ly$/.test(t.lower) && t.lower.length > 4 && !lang.roles.personRoleNouns.has(t.lower))
  );
}

/** The subject of the speech verb at `verb`, looking left no further than `floor`. */
export function subjectBefore(index: ArticleIndex, verb: number, floor: number): SpeakerPhrase | null {
  const lang = index.doc.language;
  const { tokens } = index.doc;
  let j = skipTimePhrase(tokens, verb - 1, floor, lang);
  while (j >= floor && isFiller(tokens[j], lang)) j--;
  if (j < floor) return null;
  // "The email goes on to say", "she went on to tell": the subject is before the verb that governs "to".
  if (tokens[j]?.lower === 'to') {
    let k = j - 1;
    if (tokens[k]?.lower === 'on') k--;
    const governing = tokens[k];
    if (
      governing?.isWord &&
      !governing.cap &&
      k >= floor &&
      /^(go|goes|went|going|gone|continue|continues|continued|want|wants|wanted|try|tries|tried|had|has|have|decided|declined|refused|used|appeared|seemed|rushed|took|stopped|paused)$/.test(
        governing.lower,
      )
    ) {
      j = k - 1;
      while (j >= floor && isFiller(tokens[j], lang)) j--;
      if (j < floor) return null;
    } else if (governing && k >= floor && lang.cues.infinitiveAdjectives.has(governing.lower)) {
      // "was the first to admit", "was quick to point out": the subject is before the copula.
      k--;
      if (tokens[k]?.lower === 'the') k--;
      if (tokens[k]?.lower === 'been') k--;
      if (!/^(was|is|were|are|has|have|had)$/.test(tokens[k]?.lower ?? '')) return null;
      j = k - 1;
      while (j >= floor && isFiller(tokens[j], lang)) j--;
      if (j < floor) return null;
    }
  }
  if (tokens[j]?.text === ')') {
    let k = j - 1;
    while (k >= floor && j - k < 10 && tokens[k]?.text !== '(') k--;
    if (tokens[k]?.text !== '(') return null;
    j = k - 1;
  }
  if (tokens[j]?.text === ',') {
    let open = appositiveOpening(tokens, j, floor, lang);
    if (open < 0) return null;
    // "his campaign manager, Jeff Weaver, says": the name inside the commas is the speaker.
    const named = index.mentionStartingAt.get(open + 1);
    if (named && named.endToken === j && (named.kind === 'person' || named.kind === 'unknown')) {
      return nameOrNounPhrase(index, open + 1, j, named);
    }
    // "Schiff, 56, who has served for a decade, told": an aside may have several commas.
    for (let tries = 0; tries < 3; tries++) {
      const phrase = phraseEndingAt(index, open - 1, floor);
      if (phrase && phrase.kind !== 'other') return phrase;
      const earlier = appositiveOpening(tokens, open, floor, lang);
      if (earlier < 0 || j - earlier > MAX_APPOSITIVE_TOKENS) return phrase;
      open = earlier;
    }
    return phraseEndingAt(index, open - 1, floor);
  }
  // "Thomas Perez, who said …": the relative pronoun stands for the name before it.
  if ((tokens[j]?.lower === 'who' || tokens[j]?.lower === 'which') && tokens[j - 1]?.text === ',')
    return phraseEndingAt(index, j - 2, floor);
  // "Merkel condemned the attack and declared …": the subject of the first verb.
  if (['and', 'but', 'then', 'or'].includes(tokens[j]?.lower ?? '')) return firstSubject(index, floor, j);
  const phrase = phraseEndingAt(index, j, floor);
  if (phrase && phrase.kind !== 'other') return phrase;
  // "…, but in a later interview said": a time or place phrase after "and"/"but" stands between the subject and its verb.
  const coordinated = coordinatedAfterPhrase(tokens, j, floor, lang);
  return coordinated >= 0 ? (firstSubject(index, floor, coordinated) ?? phrase) : phrase;
}

/** For "… but in a later interview | said": the index of "but" when a prepositional phrase follows it up to j, else -1. */
function coordinatedAfterPhrase(tokens: Token[], j: number, floor: number, lang: LanguagePack): number {
  for (let p = j; p >= floor && j - p <= 5; p--) {
    const t = tokens[p];
    if (!t?.isWord || t.cap) return -1;
    if (lang.words.prepositions.has(t.lower)) {
      const before = tokens[p - 1];
      return before && (/^(and|but|or|then)$/.test(before.lower) || before.text === ',') ? p - 1 : -1;
    }
  }
  return -1;
}

/** The first name or pronoun of a clause, skipping objects of prepositions. */
export function firstSubject(index: ArticleIndex, from: number, before: number): SpeakerPhrase | null {
  const lang = index.doc.language;
  const { tokens } = index.doc;
  // "A spokesman for Platte River declined … but said …": a clause opening with a role noun phrase.
  const opener = tokens[from];
  if (opener && lang.words.determiners.has(opener.lower) && !index.mentionStartingAt.has(from)) {
    const np = speakerAfterVerb(index, from, before);
    if (np && (np.kind === 'role' || np.kind === 'group' || np.kind === 'organization-noun' || np.kind === 'document'))
      return np;
  }
  // "In response to Trump's proposal to bar Muslims from entering the United States, Clinton's aide …":
  // a sentence opening with a prepositional phrase has its subject after the first comma.
  // "WASHINGTON, Dec. 8 (UPI) — …": the dateline is not part of the sentence.
  let start = afterDateline(index.doc, from, before);
  const lead = tokens[start];
  if (lead && (lang.words.prepositions.has(lead.lower) || lead.lower === 'when' || lead.lower === 'after')) {
    for (let k = start + 1; k < before; k++) {
      if (tokens[k]?.text === ',') {
        start = k + 1;
        break;
      }
    }
  }
  let depth = 0;
  for (let k = start; k < before; k++) {
    const t = tokens[k];
    if (!t || t.quote >= 0) continue;
    if (t.text === '(') depth++;
    if (t.text === ')') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    const m = index.mentionStartingAt.get(k);
    const prev = tokens[k - 1];
    const isObject = !!prev && k > from && lang.words.prepositions.has(prev.lower);
    // An unknown capitalised name counts only where it opens the clause: "Kerpen needled the reporter, saying".
    const opensClause = k === start && m?.kind === 'unknown' && finiteAt(tokens, m.endToken, lang);
    if (m && !m.inQuote && !m.possessive && !isObject && m.kind !== 'place' && (m.kind !== 'unknown' || opensClause))
      return phraseEndingAt(index, m.endToken - 1, k);
    if (t.isWord && lang.words.pronouns.has(t.lower) && !isObject) return pronounPhrase(k, t.lower);
  }
  return null;
}

/** "Wells Fargo just this month announced": step back over a time phrase between subject and verb. */
function skipTimePhrase(tokens: Token[], j: number, floor: number, lang: LanguagePack): number {
  const t = tokens[j];
  const prev = tokens[j - 1];
  if (!t || !prev || j - 1 < floor) return j;
  const unit =
    /^(week|month|year|weekend|morning|afternoon|evening|night|spring|summer|fall|autumn|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(
      t.lower,
    );
  if (unit && /^(this|last|next|that|on|each|every)$/.test(prev.lower)) {
    let k = j - 2;
    while (k >= floor && isFiller(tokens[k], lang)) k--;
    return k;
  }
  return j;
}

/** For ", … ," just before a verb: the opening comma of the aside, or -1. */
function appositiveOpening(tokens: Token[], closeComma: number, floor: number, lang: LanguagePack): number {
  for (let k = closeComma - 1; k >= floor && closeComma - k <= MAX_APPOSITIVE_TOKENS; k--) {
    const t = tokens[k];
    if (!t || t.quote >= 0) return -1;
    // "Salceda, citing State Department data, said": a participle may sit in the aside.
    if (isCueToken(t, lang) && !/ing$/.test(t.lower) && !isParticipleAt(tokens, k, lang)) return -1;
    if (t.text === ',') return k;
    if (t.text === '.' || t.text === ';' || t.text === ':') return -1;
  }
  return -1;
}

/** `"…," X said`: a speaker phrase starting at i and followed by a speech verb; returns both. */
export function subjectThenVerb(
  index: ArticleIndex,
  i: number,
  limit: number,
): { phrase: SpeakerPhrase; verb: number } | null {
  const lang = index.doc.language;
  const { tokens } = index.doc;
  const t = tokens[i];
  if (!t?.isWord || t.quote >= 0) return null;
  let end: number;
  let ofAt = -1;
  const mention = index.mentionStartingAt.get(i);
  if (lang.words.pronouns.has(t.lower)) end = i + 1;
  else if (mention && !mention.possessive) end = mention.endToken;
  else {
    end = i;
    ofAt = -1;
    while (end < limit && end - i < MAX_NP_TOKENS) {
      const w = tokens[end];
      if (!w?.isWord || isCueToken(w, lang) || isFiller(w, lang)) break;
      // "the mum of three said", "the owner of the shop said": a person noun keeps its "of" phrase.
      const ofPerson =
        w.lower === 'of' && end > i && ofAt < 0 && phraseKindOfHead(tokens[end - 1]?.lower ?? '', lang) === 'role';
      if (ofPerson) ofAt = end;
      if (end > i && !ofPerson && (lang.words.prepositions.has(w.lower) || lang.words.clauseWords.has(w.lower)))
        return null;
      end++;
    }
    if (end === i) return null;
  }
  let v = end;
  let appositiveName: NameMention | undefined;
  if (tokens[v]?.text === ',') {
    // "…," Koh Yu-hwan, a professor at Dongguk University, said.
    let k = v + 1;
    while (
      k < limit &&
      k - v <= MAX_APPOSITIVE_TOKENS &&
      ![',', ';', ':'].includes(tokens[k]?.text ?? '') &&
      tokens[k]?.quote === -1
    )
      k++;
    if (tokens[k]?.text !== ',') return null;
    // "…," the minister, Clara Holt, said: the name in the aside is the speaker.
    const named = index.mentionStartingAt.get(v + 1);
    if (named && named.endToken === k && named.kind === 'person') appositiveName = named;
    v = k + 1;
  }
  while (v < limit && isFiller(tokens[v], lang)) v++;
  if (v >= limit || !isCueAt(tokens, v, lang)) return null;
  if (appositiveName && !mention && !lang.words.pronouns.has(t.lower)) {
    return {
      phrase: nameOrNounPhrase(index, appositiveName.firstToken, appositiveName.endToken, appositiveName),
      verb: v,
    };
  }
  const headToken = tokens[(ofAt >= 0 ? ofAt : end) - 1];
  if (!mention && !lang.words.pronouns.has(t.lower) && (!headToken || !couldHeadSpeakerPhrase(headToken, lang)))
    return null;
  // "engineer Priya Natarajan said": role words, then the name the phrase ends with.
  const endingName = !mention ? index.mentionEndingAt.get(end - 1) : undefined;
  if (endingName && endingName.firstToken > i && (endingName.kind === 'person' || endingName.kind === 'unknown')) {
    return { phrase: nameOrNounPhrase(index, i, end, endingName), verb: v };
  }
  const phrase =
    mention && end === mention.endToken
      ? nameOrNounPhrase(index, i, end, mention)
      : lang.words.pronouns.has(t.lower)
        ? pronounPhrase(i, t.lower)
        : nounPhrase(index, i, end);
  return phrase ? { phrase, verb: v } : null;
}

/** `said X`: the speaker phrase right after a speech verb. */
export function speakerAfterVerb(index: ArticleIndex, i: number, limit: number): SpeakerPhrase | null {
  const lang = index.doc.language;
  const { tokens } = index.doc;
  const t = tokens[i];
  if (!t?.isWord || t.quote >= 0) return null;
  if (lang.words.pronouns.has(t.lower)) return pronounPhrase(i, t.lower);
  if (
    lang.words.prepositions.has(t.lower) ||
    lang.words.clauseWords.has(t.lower) ||
    (lang.words.isFunctionWord(t.lower) && !lang.words.determiners.has(t.lower))
  )
    return null;
  // "said campaign manager Robby Mook": role words, then the name.
  // "said former secretary of state Hillary Clinton": role words (even "of state"), then the name.
  for (let k = i; k < Math.min(limit, i + 7); k++) {
    const m = index.mentionStartingAt.get(k);
    // "wrote a Trump supporter": a name followed by a noun only modifies that noun.
    const following = m ? tokens[m.endToken] : undefined;
    const modifies =
      !!following &&
      following.isWord &&
      !following.cap &&
      following.sentence === t.sentence &&
      phraseKindOfHead(following.lower, lang) !== 'other';
    // "said Cruz constituent Dan Golvach", "said Rovers manager Ines Okafor": a name, a lower-case noun, then the person's name.
    const described =
      m && following?.isWord && !following.cap && following.sentence === t.sentence
        ? index.mentionStartingAt.get(m.endToken + 1)
        : undefined;
    const nounBetween =
      !!following &&
      !isVerbForm(following.lower, lang) &&
      !lang.words.prepositions.has(following.lower) &&
      !lang.words.clauseWords.has(following.lower) &&
      !lang.words.determiners.has(following.lower);
    if (described && described.kind === 'person' && !described.possessive && nounBetween)
      return nameOrNounPhrase(index, i, described.endToken, described);
    if (m && !m.possessive && !modifies) return nameOrNounPhrase(index, i, m.endToken, m);
    if (m && modifies) break;
    const w = tokens[k];
    if (
      !w?.isWord ||
      (w.cap && k > i && tokens[k - 1]?.lower !== 'of') ||
      (lang.words.prepositions.has(w.lower) && w.lower !== 'of') ||
      lang.words.clauseWords.has(w.lower)
    )
      break;
  }
  let end = i;
  while (end < limit && end - i < MAX_NP_TOKENS + 4) {
    const w = tokens[end];
    if (!w?.isWord || w.quote >= 0 || isCueToken(w, lang)) break;
    // "The employee first said": an adverb before the verb ends the subject.
    if (end > i && (lang.words.clauseWords.has(w.lower) || isFiller(w, lang))) break;
    if (end > i && !w.cap && isVerbForm(w.lower, lang)) break;
    if (end > i && lang.words.prepositions.has(w.lower)) {
      // "a spokesman for the ministry" keeps one prepositional phrase naming whom they speak for;
      // "a statement from the Bureau of Mines", the one naming where a document came from.
      const fromSource = w.lower === 'from' && phraseKindOfHead(tokens[end - 1]?.lower ?? '', lang) === 'document';
      if (!['for', 'of', 'at', 'with'].includes(w.lower) && !fromSource) break;
      const next = tokens[end + 1];
      if (!next || !(next.cap || next.lower === 'the')) break;
    }
    end++;
  }
  if (end === i) return null;
  const head = tokens[end - 1];
  if (!head || !couldHeadSpeakerPhrase(head, lang)) return null;
  return nounPhrase(index, i, end);
}
