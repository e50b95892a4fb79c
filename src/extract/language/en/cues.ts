// Speech cues: the verbs and phrases that introduce what someone said.

export interface CueInfo {
  lemma: string;
  /** Can introduce reported speech without quote marks ("X said that …"). */
  reports: boolean;
  /** A participle or gerund that hangs off the main clause ("…, adding"). */
  participle: boolean;
}

/** Verbs that carry a quotation and, mostly, reported speech too. */
const SPEECH_LEMMAS: Record<string, { forms: string[]; reports: boolean }> = {
  say: { forms: ['say', 'says', 'said', 'saying'], reports: true },
  tell: { forms: ['tell', 'tells', 'told', 'telling'], reports: true },
  add: { forms: ['add', 'adds', 'added', 'adding'], reports: true },
  ask: { forms: ['ask', 'asks', 'asked', 'asking'], reports: false },
  explain: { forms: ['explain', 'explains', 'explained', 'explaining'], reports: true },
  note: { forms: ['note', 'notes', 'noted', 'noting'], reports: true },
  argue: { forms: ['argue', 'argues', 'argued', 'arguing'], reports: true },
  claim: { forms: ['claim', 'claims', 'claimed', 'claiming'], reports: true },
  insist: { forms: ['insist', 'insists', 'insisted', 'insisting'], reports: true },
  warn: { forms: ['warn', 'warns', 'warned', 'warning'], reports: true },
  suggest: { forms: ['suggest', 'suggests', 'suggested', 'suggesting'], reports: true },
  state: { forms: ['stated', 'stating'], reports: true },
  announce: { forms: ['announce', 'announces', 'announced', 'announcing'], reports: true },
  acknowledge: { forms: ['acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'], reports: true },
  admit: { forms: ['admit', 'admits', 'admitted', 'admitting'], reports: true },
  assert: { forms: ['assert', 'asserts', 'asserted', 'asserting'], reports: true },
  declare: { forms: ['declare', 'declares', 'declared', 'declaring'], reports: true },
  recall: { forms: ['recall', 'recalls', 'recalled', 'recalling'], reports: true },
  report: { forms: ['reports', 'reported'], reports: true },
  write: { forms: ['write', 'writes', 'wrote', 'writing', 'written'], reports: true },
  tweet: { forms: ['tweet', 'tweets', 'tweeted', 'tweeting'], reports: true },
  post: { forms: ['posted'], reports: false },
  reply: { forms: ['reply', 'replies', 'replied', 'replying'], reports: true },
  respond: { forms: ['respond', 'responds', 'responded', 'responding'], reports: false },
  continue: { forms: ['continued', 'continues'], reports: false },
  conclude: { forms: ['conclude', 'concludes', 'concluded', 'concluding'], reports: true },
  concede: { forms: ['concede', 'concedes', 'conceded', 'conceding'], reports: true },
  contend: { forms: ['contend', 'contends', 'contended', 'contending'], reports: true },
  complain: { forms: ['complain', 'complains', 'complained', 'complaining'], reports: true },
  predict: { forms: ['predict', 'predicts', 'predicted', 'predicting'], reports: true },
  emphasize: { forms: ['emphasize', 'emphasizes', 'emphasized', 'emphasizing', 'emphasise', 'emphasises', 'emphasised'], reports: true },
  stress: { forms: ['stressed', 'stresses', 'stressing'], reports: true },
  maintain: { forms: ['maintain', 'maintains', 'maintained', 'maintaining'], reports: true },
  promise: { forms: ['promised', 'promises'], reports: true },
  vow: { forms: ['vow', 'vows', 'vowed', 'vowing'], reports: true },
  confirm: { forms: ['confirm', 'confirms', 'confirmed', 'confirming'], reports: true },
  deny: { forms: ['denied', 'denies'], reports: true },
  reveal: { forms: ['reveal', 'reveals', 'revealed', 'revealing'], reports: true },
  remark: { forms: ['remarked'], reports: true },
  observe: { forms: ['observed', 'observes'], reports: true },
  joke: { forms: ['joke', 'jokes', 'joked', 'joking'], reports: true },
  quip: { forms: ['quip', 'quips', 'quipped'], reports: false },
  boast: { forms: ['boast', 'boasts', 'boasted', 'boasting'], reports: true },
  shout: { forms: ['shout', 'shouts', 'shouted', 'shouting'], reports: false },
  yell: { forms: ['yell', 'yells', 'yelled', 'yelling'], reports: false },
  scream: { forms: ['screamed', 'screams'], reports: false },
  exclaim: { forms: ['exclaim', 'exclaims', 'exclaimed'], reports: false },
  demand: { forms: ['demanded', 'demands'], reports: false },
  urge: { forms: ['urged', 'urges'], reports: false },
  testify: { forms: ['testify', 'testifies', 'testified', 'testifying'], reports: true },
  comment: { forms: ['commented', 'comments'], reports: false },
  counter: { forms: ['countered', 'counters'], reports: true },
  retort: { forms: ['retorted', 'retorts'], reports: false },
  allege: { forms: ['allege', 'alleges', 'alleged', 'alleging'], reports: true },
  caution: { forms: ['cautioned', 'cautions'], reports: true },
  estimate: { forms: ['estimated', 'estimates'], reports: true },
  recount: { forms: ['recounted', 'recounts'], reports: true },
  sing: { forms: ['sings', 'sang', 'sung', 'singing'], reports: false },
  read: { forms: ['reads'], reports: false },
  whisper: { forms: ['whispered', 'whispers'], reports: false },
  chant: { forms: ['chanted', 'chant', 'chanting'], reports: false },
  begin: { forms: ['began'], reports: false },
  agree: { forms: ['agreed', 'agrees'], reports: true },
  hint: { forms: ['hinted'], reports: true },
  signal: { forms: ['signaled', 'signalled'], reports: true },
  indicate: { forms: ['indicated'], reports: true },
  pledge: { forms: ['pledged'], reports: true },
  assure: { forms: ['assured'], reports: true },
  lament: { forms: ['lamented'], reports: true },
  boom: { forms: ['boomed'], reports: false },
  muse: { forms: ['mused'], reports: false },
  wonder: { forms: ['wondered'], reports: false },
  charge: { forms: ['charged'], reports: true },
  proclaim: { forms: ['proclaimed', 'proclaims'], reports: true },
  reiterate: { forms: ['reiterated', 'reiterates'], reports: true },
  mention: { forms: ['mentioned'], reports: false },
  answer: { forms: ['answered'], reports: false },
  plead: { forms: ['pleaded', 'pled'], reports: false },
  swear: { forms: ['swore'], reports: true },
  confess: { forms: ['confessed'], reports: true },
  disclose: { forms: ['disclose', 'discloses', 'disclosed'], reports: true },
  affirm: { forms: ['affirmed'], reports: true },
  underscore: { forms: ['underscored'], reports: false },
  elaborate: { forms: ['elaborated'], reports: false },
  clarify: { forms: ['clarified'], reports: true },
  propose: { forms: ['proposed'], reports: false },
  threaten: { forms: ['threatened'], reports: false },
  brag: { forms: ['bragged', 'brags'], reports: true },
  grumble: { forms: ['grumbled'], reports: false },
  mutter: { forms: ['muttered'], reports: false },
  murmur: { forms: ['murmured'], reports: false },
  cry: { forms: ['cried'], reports: false },
  speculate: { forms: ['speculated'], reports: false },
  inquire: { forms: ['inquired'], reports: false },
  text: { forms: ['texted'], reports: false },
  email: { forms: ['emailed'], reports: false },
  cite: { forms: ['cited', 'cites', 'citing'], reports: false },
  accuse: { forms: ['accused'], reports: false },
};

const CUES = new Map<string, CueInfo>();
for (const [lemma, { forms, reports }] of Object.entries(SPEECH_LEMMAS)) {
  for (const form of forms) CUES.set(form, { lemma, reports, participle: form.endsWith('ing') });
}

export function speechCue(lowerWord: string): CueInfo | undefined {
  return CUES.get(lowerWord);
}

/** "X called it a “disaster”": verbs that frame a partial quotation as X's words. */
export const FRAMING_VERBS: ReadonlySet<string> = new Set([
  'called', 'calls', 'calling', 'call', 'described', 'describes', 'describing', 'dubbed', 'dubs', 'labeled',
  'labelled', 'labels', 'termed', 'terms', 'branded', 'brands', 'deemed', 'deems', 'slammed', 'praised',
  'blasted', 'criticized', 'decried', 'referred', 'refers', 'characterized', 'hailed', 'denounced',
  'promised', 'vowed', 'pledged', 'urged', 'asked', 'wants', 'wanted', 'likened', 'compared', 'mocked', 'derided',
  'touted', 'nicknamed', 'named', 'ridiculed', 'dismissed',
]);

/** Words that may stand between a subject and its speech verb: "Obama also said". */
export const SUBJECT_VERB_FILLERS: ReadonlySet<string> = new Set([
  'also', 'later', 'further', 'then', 'again', 'previously', 'recently', 'often', 'repeatedly', 'once', 'first',
  'still', 'just', 'too', 'only', 'reportedly', 'has', 'had', 'have', 'would', 'will', 'could', 'might', 'may',
  'did', 'does', 'do', 'never', 'always', 'even', 'simply', 'finally', 'quickly', 'flatly', 'publicly',
  'privately', 'openly', 'bluntly', 'frankly', 'candidly', 'calmly', 'angrily', 'subsequently', 'initially',
  'earlier', 'yesterday', 'today', 'tonight', 'separately', 'similarly', 'likewise', 'previously', 'herself',
  'himself', 'themselves', 'itself', 'not', "n't", 'now', 'has', 'already', 'long', 'frequently', 'sometimes',
  'usually',
]);

/** Adjectives that take a speech verb as an infinitive: "was quick to admit", "the first to say". */
export const INFINITIVE_ADJECTIVES: ReadonlySet<string> = new Set([
  'first', 'last', 'quick', 'keen', 'eager', 'happy', 'willing', 'ready', 'careful', 'prepared', 'reluctant', 'able',
  'anxious', 'glad',
]);

/** "according to X" is a cue in its own right. */
export function isAccordingTo(lower: string, nextLower: string | undefined): boolean {
  return lower === 'according' && nextLower === 'to';
}
