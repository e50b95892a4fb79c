// The cast of a synthetic graph: publishers, organizations (countries, governments and their
// ministries and agencies, parties, companies, universities, nonprofits) and people with
// roles at them. People are listed by popularity: index 0 is quoted most often.
import type { OrganizationKind } from '../extract/types.ts';
import {
  acronym,
  agencies,
  companySectors,
  companyStems,
  countries,
  givenNames,
  ministries,
  nonprofitForms,
  parties,
  publisherNames,
  surnames,
  towns,
} from './names.ts';
import { Random } from './random.ts';

export interface GeneratedPublisher {
  name: string;
  url: string;
}

export interface GeneratedOrganization {
  name: string;
  kind: OrganizationKind;
  /** Index of the parent organization in the same list. */
  parent: number | null;
  aliases: string[];
  description: string | null;
  /** How an article names its unnamed spokespeople: "a ministry spokesman". */
  spokespeople: string[];
  /** Whether it speaks for itself in articles (a country does not). */
  speaks: boolean;
}

export interface GeneratedPerson {
  name: string;
  surname: string;
  aliases: string[];
  description: string | null;
  /** The apposition at first mention: "the minister of Arvenna Ministry of Water". */
  introduction: string;
  /** The organization named at first mention, if any. */
  organization: number | null;
}

export interface GeneratedAffiliation {
  person: number;
  organization: number;
  role: string;
}

export interface GeneratedEntities {
  publishers: GeneratedPublisher[];
  organizations: GeneratedOrganization[];
  people: GeneratedPerson[];
  affiliations: GeneratedAffiliation[];
  /** Indexes of organizations that speak, most quoted first. */
  speakingOrganizations: number[];
}

/** How many people a graph of this many articles has: roughly one per four articles. */
export function peopleCountFor(articleCount: number): number {
  return Math.max(30, Math.round(articleCount / 4));
}

type Profile = 'politician' | 'official' | 'academic' | 'executive' | 'activist' | 'resident';

const residentDescriptions = ['fisherman', 'shop owner', 'retired teacher', 'nurse', 'student', 'bus driver', 'farmer'];

function organizationsFor(random: Random, articleCount: number) {
  const list: GeneratedOrganization[] = [];
  const byKind: Record<
    'government' | 'ministry' | 'agency' | 'party' | 'company' | 'university' | 'nonprofit',
    number[]
  > = {
    government: [],
    ministry: [],
    agency: [],
    party: [],
    company: [],
    university: [],
    nonprofit: [],
  };
  const add = (organization: GeneratedOrganization): number => list.push(organization) - 1;
  // Per government: its ministries and the parties of its country.
  const nations = new Map<number, { ministries: number[]; parties: number[] }>();

  for (const country of countries) {
    const countryIndex = add({
      name: country.name,
      kind: 'country',
      parent: null,
      aliases: [],
      description: 'A country.',
      spokespeople: [],
      speaks: false,
    });
    const government = add({
      name: `Government of ${country.name}`,
      kind: 'government',
      parent: countryIndex,
      aliases: [`${country.adjective} government`],
      description: `The national government of ${country.name}.`,
      spokespeople: ['a government spokesman', 'a government spokeswoman', 'a senior government official'],
      speaks: true,
    });
    byKind.government.push(government);
    const own: number[] = [];
    for (const subject of ministries) {
      const name = `${country.name} Ministry of ${subject}`;
      const ministry = add({
        name,
        kind: 'government',
        parent: government,
        aliases: [acronym(name), `${country.adjective} ${subject.toLowerCase()} ministry`],
        description: `The ${subject.toLowerCase()} ministry of ${country.name}.`,
        spokespeople: ['a ministry spokesman', 'a ministry spokeswoman', 'a ministry official'],
        speaks: true,
      });
      own.push(ministry);
      byKind.ministry.push(ministry);
    }
    const nation = { ministries: own, parties: [] as number[] };
    nations.set(government, nation);
    for (const agency of agencies) {
      const name = `${country.name} ${agency}`;
      byKind.agency.push(
        add({
          name,
          kind: 'agency',
          parent: random.pick(own),
          aliases: [acronym(name)],
          description: null,
          spokespeople: ['an agency spokesperson', 'an official at the agency'],
          speaks: true,
        }),
      );
    }
    for (const party of parties) {
      const index = add({
        name: `${country.adjective} ${party}`,
        kind: 'party',
        parent: null,
        aliases: [],
        description: `A political party in ${country.name}.`,
        spokespeople: ['a party spokesman', 'a party spokeswoman'],
        speaks: true,
      });
      byKind.party.push(index);
      nation.parties.push(index);
    }
  }
  const companyCount = Math.min(companyStems.length * companySectors.length, 40 + Math.round(articleCount / 500));
  for (let i = 0; i < companyCount; i++) {
    const stem = companyStems[i % companyStems.length] as string;
    const sector = companySectors[(i * 7 + Math.floor(i / companyStems.length)) % companySectors.length] as string;
    const name = `${stem} ${sector}`;
    byKind.company.push(
      add({
        name,
        kind: 'company',
        parent: null,
        aliases: random.chance(0.6) ? [acronym(name)] : [],
        description: null,
        spokespeople: ['a company spokesman', 'a company spokeswoman', `a spokesperson for ${name}`],
        speaks: true,
      }),
    );
  }
  for (const town of towns) {
    const name = random.chance(0.5) ? `${town} University` : `University of ${town}`;
    byKind.university.push(
      add({
        name,
        kind: 'university',
        parent: null,
        aliases: [acronym(name)],
        description: null,
        spokespeople: ['a university spokesperson'],
        speaks: true,
      }),
    );
    const form = random.pick(nonprofitForms);
    byKind.nonprofit.push(
      add({
        name: `${town} ${form}`,
        kind: 'nonprofit',
        parent: null,
        aliases: [],
        description: null,
        spokespeople: ['a spokeswoman for the group', 'a spokesman for the group'],
        speaks: true,
      }),
    );
  }
  return { list, byKind, nations };
}

function profileFor(random: Random, rank: number, total: number): Profile {
  if (rank < Math.max(3, total * 0.05)) {
    return random.weighted<Profile>([
      ['politician', 6],
      ['official', 1.5],
      ['executive', 1],
      ['academic', 0.5],
      ['activist', 1],
    ]);
  }
  return random.weighted<Profile>([
    ['politician', 1.5],
    ['official', 1.5],
    ['academic', 2],
    ['executive', 1.5],
    ['activist', 1],
    ['resident', 2.5],
  ]);
}

export function generateEntities(seed: number, articleCount: number): GeneratedEntities {
  const random = new Random(seed, 0x5eed);
  const { list: organizations, byKind, nations } = organizationsFor(random, articleCount);
  const publishers = publisherNames.map((name) => ({
    name,
    url: `https://${name
      .toLowerCase()
      .replace(/^the /, '')
      .replace(/[^a-z]+/g, '')}.example`,
  }));

  const people: GeneratedPerson[] = [];
  const affiliations: GeneratedAffiliation[] = [];
  const usedNames = new Set<string>();
  const filledSeats = new Set<string>();
  const total = peopleCountFor(articleCount);
  for (let rank = 0; rank < total; rank++) {
    const given = random.pick(givenNames);
    const surname = random.pick(surnames);
    let name = `${given} ${surname}`;
    for (let attempt = 0; usedNames.has(name); attempt++) {
      const initial = String.fromCharCode(65 + random.int(0, 25));
      name = attempt < 20 ? `${given} ${initial}. ${surname}` : `${given} ${initial}. ${surname} ${attempt}`;
    }
    usedNames.add(name);
    const person: GeneratedPerson = {
      name,
      surname,
      aliases: [surname],
      description: null,
      introduction: '',
      organization: null,
    };
    const index = people.push(person) - 1;
    const hold = (organization: number, role: string) => {
      affiliations.push({ person: index, organization, role });
      if (person.organization === null) {
        person.organization = organization;
        const org = organizations[organization] as GeneratedOrganization;
        const article = ['professor', 'lecturer', 'researcher', 'campaigner'].includes(role)
          ? `a ${role} at`
          : `the ${role} of`;
        person.introduction = `${article} ${org.name}`;
        person.description = `${role[0]?.toUpperCase()}${role.slice(1)} of ${org.name}.`;
      }
    };
    switch (profileFor(random, rank, total)) {
      case 'politician': {
        const government = random.pick(byKind.government);
        const nation = nations.get(government) ?? { ministries: byKind.ministry, parties: byKind.party };
        const ministry = random.pick(nation.ministries);
        if (!filledSeats.has(`pm:${government}`) && rank < total * 0.02) {
          filledSeats.add(`pm:${government}`);
          hold(government, 'prime minister');
          person.aliases.push(`Prime Minister ${surname}`);
        } else if (!filledSeats.has(`minister:${ministry}`)) {
          filledSeats.add(`minister:${ministry}`);
          hold(ministry, 'minister');
          person.aliases.push(`Minister ${surname}`);
        } else {
          hold(ministry, random.pick(['deputy minister', 'state secretary', 'adviser']));
        }
        hold(random.pick(nation.parties), random.pick(['member', 'leader', 'chair']));
        break;
      }
      case 'official':
        hold(
          random.pick(byKind.agency),
          random.pick(['director', 'spokesperson', 'chief economist', 'head of research']),
        );
        break;
      case 'academic':
        hold(random.pick(byKind.university), random.pick(['professor', 'lecturer', 'researcher']));
        if (random.chance(0.2)) hold(random.pick(byKind.nonprofit), 'adviser');
        break;
      case 'executive':
        hold(
          random.pick(byKind.company),
          random.pick(['chief executive', 'chair', 'chief financial officer', 'head of operations']),
        );
        break;
      case 'activist':
        hold(random.pick(byKind.nonprofit), random.pick(['director', 'spokesperson', 'campaigner', 'chair']));
        break;
      case 'resident': {
        const what = random.pick(residentDescriptions);
        const town = random.pick(towns);
        person.introduction = `a ${what} in ${town}`;
        person.description = `A ${what} in ${town}.`;
        break;
      }
    }
  }

  // Ministries and companies speak most; the order is a fixed shuffle so popularity is skewed.
  const speakingOrganizations = organizations.map((_, index) => index).filter((index) => organizations[index]?.speaks);
  for (let i = speakingOrganizations.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [speakingOrganizations[i], speakingOrganizations[j]] = [
      speakingOrganizations[j] as number,
      speakingOrganizations[i] as number,
    ];
  }
  return { publishers, organizations, people, affiliations, speakingOrganizations };
}
