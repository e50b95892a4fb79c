import { builder } from './builder.ts';

export const AffiliationRef = builder.drizzleNode('affiliations', {
  name: 'Affiliation',
  description: 'A person\'s role at an organization: "professor" at Dongguk University, "spokesman" for a ministry.',
  select: {},
  id: { column: (affiliation) => affiliation.id },
  fields: (t) => ({
    role: t.exposeString('role', { nullable: true, description: 'The role as worded: "President", "professor".' }),
    person: t.relation('person', { description: 'Who holds the role.' }),
    organization: t.relation('organization', { description: 'Where the role is held.' }),
  }),
});
