// Titles written before names ("President", "Sen.") and role nouns used to
// describe or stand in for people ("the spokesman", "a professor").

export type Gender = 'male' | 'female';

/** Courtesy titles: stripped from names, and they tell gender. */
export const HONORIFICS: ReadonlyMap<string, Gender | null> = new Map([
  ['mr', 'male'], ['mrs', 'female'], ['ms', 'female'], ['miss', 'female'], ['mx', null], ['dr', null],
  ['sir', 'male'], ['dame', 'female'], ['lady', 'female'], ['lord', 'male'], ['madam', 'female'],
  ['madame', 'female'], ['monsieur', 'male'], ['rev', null], ['reverend', null], ['fr', 'male'], ['father', 'male'],
  ['sister', 'female'], ['brother', 'male'],
]);

/**
 * Titles that may directly precede a name (capitalised) and that we keep as a
 * role. Keys are lower case without the full stop; values the role as written
 * out in full.
 */
export const NAME_TITLES: ReadonlyMap<string, string> = new Map([
  ['president', 'President'], ['vice', 'Vice'], ['sen', 'Senator'], ['sens', 'Senator'], ['senator', 'Senator'],
  ['rep', 'Representative'], ['reps', 'Representative'], ['representative', 'Representative'],
  ['gov', 'Governor'], ['governor', 'Governor'], ['lt', 'Lieutenant'], ['mayor', 'Mayor'], ['secretary', 'Secretary'],
  ['gen', 'General'], ['general', 'General'], ['col', 'Colonel'], ['colonel', 'Colonel'], ['maj', 'Major'],
  ['capt', 'Captain'], ['captain', 'Captain'], ['sgt', 'Sergeant'], ['sergeant', 'Sergeant'], ['adm', 'Admiral'],
  ['admiral', 'Admiral'], ['cmdr', 'Commander'], ['commander', 'Commander'], ['judge', 'Judge'], ['justice', 'Justice'],
  ['prof', 'Professor'], ['professor', 'Professor'], ['chancellor', 'Chancellor'], ['premier', 'Premier'],
  ['minister', 'Minister'], ['prime', 'Prime'], ['king', 'King'], ['queen', 'Queen'], ['prince', 'Prince'],
  ['princess', 'Princess'], ['pope', 'Pope'], ['cardinal', 'Cardinal'], ['bishop', 'Bishop'], ['archbishop', 'Archbishop'],
  ['rabbi', 'Rabbi'], ['imam', 'Imam'], ['pastor', 'Pastor'], ['ambassador', 'Ambassador'], ['amb', 'Ambassador'],
  ['commissioner', 'Commissioner'], ['chairman', 'Chairman'], ['chairwoman', 'Chairwoman'], ['chair', 'Chair'],
  ['director', 'Director'], ['speaker', 'Speaker'], ['leader', 'Leader'], ['chief', 'Chief'], ['coach', 'Coach'],
  ['officer', 'Officer'], ['detective', 'Detective'], ['det', 'Detective'], ['sheriff', 'Sheriff'], ['deputy', 'Deputy'],
  ['councilman', 'Councilman'], ['councilwoman', 'Councilwoman'], ['councilor', 'Councilor'],
  ['assemblyman', 'Assemblyman'], ['assemblywoman', 'Assemblywoman'], ['congressman', 'Congressman'],
  ['congresswoman', 'Congresswoman'], ['delegate', 'Delegate'], ['trooper', 'Trooper'], ['inspector', 'Inspector'],
  ['superintendent', 'Superintendent'], ['dean', 'Dean'], ['ceo', 'CEO'], ['cfo', 'CFO'], ['coo', 'COO'],
  ['cto', 'CTO'], ['founder', 'Founder'], ['cofounder', 'Co-founder'], ['co-founder', 'Co-founder'],
  ['attorney', 'Attorney'], ['emperor', 'Emperor'], ['sheikh', 'Sheikh'], ['ayatollah', 'Ayatollah'],
  ['president-elect', 'President-elect'], ['attorney-general', 'Attorney-General'], ['solicitor-general', 'Solicitor-General'],
  ['director-general', 'Director-General'], ['secretary-general', 'Secretary-General'], ['governor-general', 'Governor-General'],
  ['surgeon-general', 'Surgeon-General'], ['inspector-general', 'Inspector-General'], ['treasurer', 'Treasurer'], ['comptroller', 'Comptroller'],
  ['auditor', 'Auditor'], ['magistrate', 'Magistrate'], ['solicitor', 'Solicitor'], ['state', 'State'],
  ['majority', 'Majority'], ['minority', 'Minority'], ['whip', 'Whip'], ['first', 'First'], ['former', 'former'],
  ['nominee', 'Nominee'], ['candidate', 'Candidate'], ['host', 'Host'], ['anchor', 'Anchor'], ['executive', 'Executive'],
  ['spokesman', 'Spokesman'], ['spokeswoman', 'Spokeswoman'], ['spokesperson', 'Spokesperson'], ['manager', 'Manager'],
  ['correspondent', 'Correspondent'], ['editor', 'Editor'], ['principal', 'Principal'], ['lawmaker', 'Lawmaker'],
  ['sultan', 'Sultan'], ['crown', 'Crown'], ['grand', 'Grand'], ['chiefs', 'Chiefs'],
]);

/** Title words that form multi-word titles but never stand alone before a name. */
export const TITLE_CONNECTORS: ReadonlySet<string> = new Set(['of', 'general', 'for', 'the']);

/** Gender carried by a title, when it carries one. */
export const TITLE_GENDER: ReadonlyMap<string, Gender> = new Map([
  ['king', 'male'], ['queen', 'female'], ['prince', 'male'], ['princess', 'female'], ['chairman', 'male'],
  ['chairwoman', 'female'], ['congressman', 'male'], ['congresswoman', 'female'], ['councilman', 'male'],
  ['councilwoman', 'female'], ['assemblyman', 'male'], ['assemblywoman', 'female'], ['spokesman', 'male'],
  ['spokeswoman', 'female'], ['sultan', 'male'], ['emperor', 'male'], ['pope', 'male'],
]);

/** Nouns for a single person's role: "the spokesman", "a Harvard professor". */
export const PERSON_ROLE_NOUNS: ReadonlySet<string> = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'representative', 'official', 'aide', 'adviser', 'advisor', 'analyst',
  'professor', 'expert', 'economist', 'strategist', 'lawyer', 'attorney', 'director', 'executive', 'president',
  'chairman', 'chairwoman', 'chair', 'founder', 'co-founder', 'cofounder', 'researcher', 'scientist', 'historian',
  'author', 'writer', 'journalist', 'reporter', 'editor', 'columnist', 'host', 'anchor', 'correspondent',
  'commentator', 'pollster', 'consultant', 'senator', 'congressman', 'congresswoman', 'lawmaker', 'legislator',
  'governor', 'mayor', 'minister', 'secretary', 'ambassador', 'diplomat', 'general', 'commander', 'officer',
  'detective', 'sheriff', 'chief', 'judge', 'justice', 'prosecutor', 'candidate', 'nominee', 'leader', 'member',
  'manager', 'coordinator', 'organizer', 'activist', 'advocate', 'supporter', 'voter', 'resident', 'student',
  'teacher', 'doctor', 'physician', 'nurse', 'worker', 'employee', 'customer', 'owner', 'partner', 'fellow',
  'scholar', 'lecturer', 'dean', 'principal', 'coach', 'player', 'singer', 'actor', 'actress', 'musician',
  'rapper', 'comedian', 'producer', 'filmmaker', 'director', 'frontman', 'vice', 'treasurer', 'counsel', 'agent',
  'investigator', 'inspector', 'pastor', 'priest', 'bishop', 'rabbi', 'imam', 'commissioner', 'deputy',
  'superintendent', 'administrator', 'negotiator', 'envoy', 'staffer', 'operative', 'source', 'insider',
  'witness', 'survivor', 'victim', 'neighbor', 'friend', 'daughter', 'son', 'wife', 'husband', 'mother', 'father',
  'sister', 'brother', 'ceo', 'cfo', 'premier', 'chancellor', 'king', 'queen', 'prince', 'princess', 'pope',
  'mogul', 'billionaire', 'businessman', 'businesswoman', 'entrepreneur', 'investor', 'banker', 'trader',
  'economist', 'engineer', 'architect', 'designer', 'artist', 'photographer', 'poet', 'novelist', 'critic',
  'playwright', 'speaker', 'moderator', 'panelist', 'surgeon', 'psychologist', 'sociologist', 'statistician',
  'demographer', 'epidemiologist', 'biologist', 'physicist', 'chemist', 'lobbyist', 'campaigner', 'protester',
  'demonstrator', 'marcher', 'delegate', 'elector', 'councilman', 'councilwoman', 'councilor', 'assemblyman',
  'assemblywoman', 'trooper', 'sergeant', 'captain', 'lieutenant', 'colonel', 'major', 'admiral', 'soldier',
  'veteran', 'farmer', 'miner', 'teacher', 'principal', 'chef', 'proprietor', 'landlord', 'tenant',
  'parent', 'grandmother', 'grandfather', 'mom', 'mum', 'dad', 'defendant', 'accused', 'attorney-general',
  'solicitor-general', 'director-general', 'secretary-general', 'widow', 'uncle', 'aunt', 'cousin', 'nephew', 'niece',
  'guy', 'man', 'woman', 'person', 'lady', 'gentleman', 'boy', 'girl', 'citizen', 'immigrant', 'refugee',
  'fan', 'attendee', 'participant', 'observer', 'watcher', 'adviser', 'aide', 'planner', 'caller', 'listener',
  'viewer', 'reader', 'user', 'poster', 'blogger', 'vlogger', 'influencer', 'podcaster', 'broadcaster',
  'presenter', 'interviewer', 'questioner', 'examiner', 'coroner', 'medic', 'paramedic', 'firefighter',
  'policeman', 'policewoman', 'cop', 'guard', 'ranger', 'warden', 'clerk', 'registrar', 'dispatcher',
  'chairperson', 'head', 'boss', 'founder', 'whip', 'frontrunner', 'front-runner', 'incumbent', 'challenger',
  'substitute', 'striker', 'midfielder', 'defender', 'winger', 'forward', 'goalkeeper', 'pitcher', 'catcher',
  'quarterback', 'linebacker', 'receiver', 'batsman', 'bowler', 'jockey', 'driver', 'rider', 'cyclist', 'sprinter',
  'swimmer', 'skater', 'boxer', 'wrestler', 'golfer', 'freshman', 'sophomore', 'rookie', 'teammate', 'referee',
  'umpire', 'athlete', 'runner', 'champion', 'skipper', 'goalie', 'shortstop', 'outfielder',
  'contender', 'hopeful', 'rival', 'opponent', 'ally', 'confidant', 'loyalist', 'surrogate', 'backer', 'donor',
  'fundraiser', 'bundler', 'volunteer', 'intern', 'consultant', 'commentator', 'pundit', 'republican', 'democrat',
  'conservative', 'liberal', 'independent', 'libertarian', 'progressive', 'socialist', 'moderate',
]);

/** Plural role nouns naming a group: "analysts said", "officials say". */
export const GROUP_ROLE_NOUNS: ReadonlySet<string> = new Set([
  'analysts', 'officials', 'experts', 'critics', 'observers', 'economists', 'aides', 'advisers', 'advisors',
  'sources', 'lawmakers', 'legislators', 'residents', 'protesters', 'demonstrators', 'investigators',
  'authorities', 'police', 'officers', 'organizers', 'leaders', 'supporters', 'opponents', 'democrats',
  'republicans', 'conservatives', 'liberals', 'progressives', 'strategists', 'executives', 'workers',
  'employees', 'members', 'scientists', 'researchers', 'historians', 'scholars', 'activists', 'advocates',
  'voters', 'people', 'students', 'teachers', 'doctors', 'parents', 'witnesses', 'prosecutors', 'lawyers',
  'attorneys', 'diplomats', 'ministers', 'senators', 'governors', 'mayors', 'delegates', 'candidates',
  'pollsters', 'consultants', 'insiders', 'staffers', 'donors', 'fans', 'participants', 'attendees', 'groups',
  'organizations', 'companies', 'unions', 'banks', 'agencies', 'nations', 'countries', 'governments', 'allies',
  'rivals', 'critics', 'skeptics', 'proponents', 'backers', 'commentators', 'pundits', 'reporters',
  'journalists', 'editors', 'economists', 'forecasters', 'regulators', 'spokesmen', 'spokeswomen',
  'spokespeople', 'representatives', 'administrators', 'negotiators', 'envoys', 'clerics', 'families',
  'survivors', 'victims', 'neighbors', 'friends', 'citizens', 'immigrants', 'refugees', 'farmers', 'miners',
  'soldiers', 'veterans', 'troops', 'firefighters', 'medics', 'nurses', 'physicians', 'surgeons', 'engineers',
  'customers', 'consumers', 'users', 'viewers', 'readers', 'listeners', 'residents', 'locals', 'villagers',
  'americans', 'britons', 'europeans', 'others', 'some', 'many', 'most', 'both', 'all', 'several', 'few',
  'respondents', 'participants', 'polls', 'surveys', 'studies', 'reports', 'documents', 'records',
]);

/** Nouns for an organization: "the company said", "the ministry said". */
export const ORGANIZATION_NOUNS: ReadonlySet<string> = new Set([
  'company', 'firm', 'bank', 'fund', 'agency', 'ministry', 'department', 'campaign', 'committee', 'union',
  'group', 'network', 'administration', 'government', 'party', 'league', 'university', 'school', 'college',
  'court', 'council', 'commission', 'board', 'institute', 'foundation', 'association', 'organization',
  'organisation', 'office', 'bureau', 'authority', 'service', 'corporation', 'business', 'retailer', 'maker',
  'manufacturer', 'automaker', 'carmaker', 'airline', 'insurer', 'lender', 'broker', 'publisher', 'newspaper',
  'paper', 'magazine', 'station', 'channel', 'broadcaster', 'studio', 'label', 'team', 'club', 'church',
  'hospital', 'clinic', 'charity', 'nonprofit', 'coalition', 'alliance', 'federation', 'regime', 'junta',
  'cabinet', 'parliament', 'senate', 'house', 'congress', 'legislature', 'city', 'state', 'county', 'country',
  'nation', 'embassy', 'consulate', 'military', 'army', 'navy', 'police', 'department', 'site', 'website',
  'outlet', 'giant', 'conglomerate', 'startup', 'operator', 'provider', 'carrier', 'utility', 'developer',
  'distributor', 'supplier', 'producer', 'exchange', 'regulator', 'watchdog', 'tribunal', 'panel', 'caucus',
  'chamber', 'statement', 'report', 'poll', 'survey', 'study', 'memo', 'memorandum', 'document', 'filing',
  'lawsuit', 'complaint', 'letter', 'release', 'summary', 'analysis', 'review', 'audit', 'investigation', 'district',
]);

/** Nouns that are documents or studies rather than organizations: they "say" but speak for someone. */
export const DOCUMENT_NOUNS: ReadonlySet<string> = new Set([
  'statement', 'report', 'poll', 'survey', 'study', 'memo', 'memorandum', 'document', 'filing', 'lawsuit',
  'complaint', 'letter', 'release', 'summary', 'analysis', 'review', 'audit', 'investigation', 'website', 'site',
  'email', 'e-mail', 'tweet', 'message', 'op-ed', 'blog', 'update', 'bulletin', 'notice', 'advisory',
]);

/** Documents that carry one author's own words: "the email goes on", "the letter added" continue that author. */
export const PERSONAL_DOCUMENT_NOUNS: ReadonlySet<string> = new Set([
  'statement', 'email', 'e-mail', 'letter', 'memo', 'memorandum', 'message', 'tweet', 'release', 'op-ed', 'blog',
]);

/** Head nouns that mark the end of an organization's name. */
export const ORGANIZATION_NAME_HEADS: ReadonlyMap<string, OrganizationKindHint> = new Map<string, OrganizationKindHint>([
  ['university', 'university'], ['college', 'university'], ['school', 'university'], ['academy', 'university'],
  ['institute', 'nonprofit'], ['institution', 'nonprofit'], ['foundation', 'nonprofit'], ['fund', 'nonprofit'],
  ['association', 'nonprofit'], ['society', 'nonprofit'], ['council', 'nonprofit'], ['coalition', 'nonprofit'],
  ['alliance', 'nonprofit'], ['federation', 'nonprofit'], ['league', 'nonprofit'], ['union', 'nonprofit'],
  ['center', 'nonprofit'], ['centre', 'nonprofit'], ['trust', 'nonprofit'], ['initiative', 'nonprofit'],
  ['project', 'nonprofit'], ['network', 'company'], ['committee', 'government'], ['commission', 'government'],
  ['department', 'government'], ['ministry', 'government'], ['administration', 'government'],
  ['government', 'government'], ['parliament', 'government'], ['senate', 'government'], ['congress', 'government'],
  ['assembly', 'government'], ['cabinet', 'government'], ['embassy', 'government'], ['court', 'government'],
  ['agency', 'agency'], ['bureau', 'agency'], ['office', 'agency'], ['authority', 'agency'], ['board', 'agency'],
  ['service', 'agency'], ['services', 'agency'], ['police', 'agency'], ['army', 'agency'], ['navy', 'agency'],
  ['force', 'agency'], ['forces', 'agency'], ['guard', 'agency'], ['command', 'agency'],
  ['corporation', 'company'], ['corp', 'company'], ['inc', 'company'], ['co', 'company'], ['company', 'company'],
  ['ltd', 'company'], ['llc', 'company'], ['plc', 'company'], ['group', 'company'], ['holdings', 'company'],
  ['partners', 'company'], ['bank', 'company'], ['airlines', 'company'], ['airways', 'company'], ['motors', 'company'],
  ['pictures', 'company'], ['studios', 'company'], ['records', 'company'], ['entertainment', 'company'],
  ['technologies', 'company'], ['systems', 'company'], ['labs', 'company'], ['industries', 'company'],
  ['energy', 'company'], ['pharmaceuticals', 'company'], ['capital', 'company'], ['securities', 'company'],
  ['lines', 'company'], ['logistics', 'company'], ['shipping', 'company'], ['foods', 'company'], ['brands', 'company'],
  ['stores', 'company'], ['mills', 'company'], ['railway', 'company'], ['metro', 'agency'], ['transit', 'agency'], ['railways', 'company'], ['railroad', 'company'], ['airways', 'company'],
  ['insurance', 'company'], ['bancorp', 'company'], ['ventures', 'company'], ['enterprises', 'company'],
  ['communications', 'company'], ['telecom', 'company'], ['electric', 'company'], ['motor', 'company'],
  ['semiconductor', 'company'], ['semiconductors', 'company'], ['software', 'company'], ['robotics', 'company'],
  ['aerospace', 'company'], ['biotech', 'company'], ['therapeutics', 'company'], ['healthcare', 'company'],
  ['beverages', 'company'], ['hotels', 'company'], ['resorts', 'company'], ['casinos', 'company'],
  ['power', 'company'], ['utilities', 'company'], ['savings', 'company'], ['chamber', 'nonprofit'],
  ['pharmacy', 'company'], ['bakery', 'company'], ['restaurant', 'company'], ['brewery', 'company'], ['winery', 'company'],
  ['supermarket', 'company'],
  ['united', 'other'], ['rovers', 'other'], ['wanderers', 'other'], ['athletic', 'other'], ['sc', 'other'],
  ['media', 'media'], ['news', 'media'], ['times', 'media'], ['post', 'media'], ['journal', 'media'],
  ['tribune', 'media'], ['herald', 'media'], ['gazette', 'media'], ['magazine', 'media'], ['press', 'media'],
  ['radio', 'media'], ['television', 'media'], ['tv', 'media'], ['daily', 'media'], ['chronicle', 'media'],
  ['observer', 'media'], ['guardian', 'media'], ['telegraph', 'media'], ['examiner', 'media'], ['report', 'media'],
  ['party', 'party'], ['caucus', 'party'], ['pac', 'party'],
  ['church', 'nonprofit'], ['hospital', 'nonprofit'], ['clinic', 'nonprofit'], ['museum', 'nonprofit'],
  ['library', 'nonprofit'], ['club', 'other'], ['team', 'other'], ['campaign', 'other'], ['fc', 'other'],
]);

/** Words that open an organization's name: "University of Chicago", "Bank of America". */
export const ORGANIZATION_NAME_OPENERS: ReadonlyMap<string, OrganizationKindHint> = new Map<string, OrganizationKindHint>([
  ['university', 'university'], ['college', 'university'], ['school', 'university'], ['department', 'government'],
  ['ministry', 'government'], ['bank', 'company'], ['institute', 'nonprofit'], ['center', 'nonprofit'],
  ['council', 'nonprofit'], ['office', 'agency'], ['bureau', 'agency'], ['church', 'nonprofit'],
  ['federation', 'nonprofit'], ['association', 'nonprofit'], ['committee', 'government'], ['party', 'party'],
  ['house', 'government'], ['board', 'agency'], ['court', 'government'], ['commission', 'government'],
]);

export type OrganizationKindHint =
  | 'company' | 'government' | 'agency' | 'media' | 'university' | 'country' | 'party' | 'nonprofit' | 'other';

/** "Mr.", "Ms." and the like say how to address someone, not what they do. */
export function isCourtesyTitle(title: string): boolean {
  return /^(mr|mrs|ms|miss|mx|sir|madam|madame|monsieur|dame|lord|lady)\.?$/i.test(title.trim());
}
