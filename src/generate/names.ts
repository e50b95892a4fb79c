// Name pools for synthetic graphs. Every name here is invented: places, countries and
// surnames are built from syllables, so a generated person is nobody in particular.

export const givenNames = [
  'Ada', 'Alvar', 'Amara', 'Anouk', 'Arlo', 'Bea', 'Bram', 'Calla', 'Cyrus', 'Dalia', 'Darren', 'Edda', 'Eamon',
  'Elif', 'Emeka', 'Esme', 'Farida', 'Felix', 'Greta', 'Hamid', 'Hana', 'Idris', 'Ilse', 'Imogen', 'Ivo', 'Jalen',
  'Jonas', 'Juno', 'Kasia', 'Kenji', 'Kofi', 'Lale', 'Lennart', 'Lior', 'Lucía', 'Maren', 'Mateo', 'Mei', 'Milo',
  'Nadia', 'Nikolai', 'Noor', 'Oona', 'Orin', 'Pablo', 'Priya', 'Quentin', 'Rafael', 'Rania', 'Rosa', 'Ruben',
  'Saoirse', 'Selin', 'Silas', 'Sofía', 'Tamsin', 'Teodor', 'Thandi', 'Tobias', 'Uma', 'Valentin', 'Vera', 'Wren',
  'Xiomara', 'Yara', 'Yusuf', 'Zainab', 'Zoran', 'Agnès', 'Björn', 'Chiara', 'Dmitri', 'Élodie', 'Florin', 'Gianna',
  'Håkon', 'Inés', 'Jorge', 'Katrin', 'Leif', 'Mariam', 'Nils', 'Olamide', 'Petra', 'Renée', 'Stellan', 'Tariq',
  'Ulla', 'Viggo', 'Wilma', 'Yannick', 'Zofia', 'Aurelio', 'Brígida', 'Caspian', 'Delphine', 'Eero', 'Fiora',
];

const surnameStarts = [
  'Var', 'Ost', 'Kel', 'Mar', 'Dun', 'Bel', 'Tor', 'Han', 'Lis', 'Quen', 'Ard', 'Sol', 'Bren', 'Cal', 'Dra', 'Fen',
  'Gal', 'Hol', 'Iv', 'Jar', 'Kor', 'Lun', 'Mor', 'Nal', 'Ok', 'Pel', 'Ras', 'Sev', 'Tal', 'Ulm', 'Vel', 'Wen',
  'Yar', 'Zor', 'Ast', 'Bro', 'Cor', 'Del', 'Esk', 'Fal', 'Grun', 'Hald', 'Isen', 'Jov', 'Kast', 'Lorn', 'Mab',
  'Nor', 'Orv', 'Pren', 'Rud', 'Stav', 'Trev', 'Ud', 'Vask', 'Wyn', 'Zel', 'Brav', 'Cren', 'Dov',
];
const surnameEnds = [
  'ani', 'berg', 'court', 'dale', 'eno', 'ford', 'gard', 'holm', 'ich', 'ikova', 'ley', 'lund', 'mann', 'mir', 'nez',
  'off', 'ova', 'quist', 'rell', 'rios', 'sen', 'ski', 'ton', 'ucci', 'vall', 'wick', 'yama', 'zek', 'anu', 'ério',
  'ández', 'öm', 'ardi', 'ecki', 'ensen', 'idou', 'oye', 'uru', 'asco', 'ène',
];

/** Every invented surname, in a fixed order (2,400 of them). */
export const surnames: readonly string[] = surnameStarts.flatMap((start) => surnameEnds.map((end) => start + end));

export const countries = [
  { name: 'Arvenna', adjective: 'Arvennan' },
  { name: 'Belmora', adjective: 'Belmoran' },
  { name: 'Castria', adjective: 'Castrian' },
  { name: 'Dovrenia', adjective: 'Dovrenian' },
  { name: 'Eskaland', adjective: 'Eskalandic' },
  { name: 'Galdora', adjective: 'Galdoran' },
  { name: 'Halvania', adjective: 'Halvanian' },
  { name: 'Istrelle', adjective: 'Istrellan' },
] as const;

export const ministries = [
  'Water', 'Energy', 'Finance', 'Health', 'Transport', 'Education', 'Fisheries', 'Environment', 'Trade', 'Interior',
  'Housing', 'Labour',
] as const;

export const agencies = [
  'Coastal Survey Agency', 'Grid Authority', 'Food Safety Board', 'Statistics Office', 'Port Authority',
  'Weather Service', 'Competition Commission', 'Rail Safety Agency',
] as const;

export const parties = ['Green League', 'Civic Union', 'Labour Front', 'Liberal Alliance', 'Rural Party'] as const;

/** Invented towns, for universities, companies, councils and datelines. */
export const towns = [
  'Northfield', 'Dunmoor', 'Kestrel Bay', 'Varrow', 'Hollin', 'Marrowgate', 'Saltmere', 'Oskarvik', 'Brennock',
  'Tallow Cross', 'Ebbsford', 'Lindqvale', 'Quarry Hill', 'Westmarch', 'Fennick', 'Ashgrove', 'Corrin Sound',
  'Halden', 'Pellwick', 'Ravensholt', 'Silverstrand', 'Thornbury', 'Umberleigh', 'Wyndham Flats',
];

export const companyStems = [
  'Korrin', 'Halden', 'Brightwater', 'Northgate', 'Tessel', 'Aldmoor', 'Vantis', 'Orrin', 'Greywell', 'Lumora',
  'Strand', 'Pellucid', 'Marrick', 'Quayside', 'Sable', 'Tidemark', 'Ironvale', 'Copperfield', 'Estuar', 'Fjordline',
];
export const companySectors = [
  'Tidal Works', 'Freight Group', 'Power', 'Shipyards', 'Telecom', 'Foods', 'Pharma', 'Mining', 'Airways', 'Bank',
  'Logistics', 'Construction',
];

export const nonprofitForms = [
  'Coastal Trust', 'Tenants Association', 'Fishermen\'s Association', 'Heritage Society', 'Consumer Council',
  'Rivers Alliance', 'Patients Forum', 'Cyclists Union',
];

export const publisherNames = [
  'The Halvard Courier', 'Kestrel Bay Gazette', 'Northfield Ledger', 'The Saltmere Post', 'Dunmoor Evening News',
  'Coastline Daily', 'The Varrow Record', 'Ebbsford Herald', 'Meridian Wire', 'The Westmarch Observer',
  'Corrin Sound Times', 'The Tallow Cross Chronicle',
];

/** "Arvenna Ministry of Water" → "AMW": initials of the capitalised words. */
export function acronym(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('');
}
