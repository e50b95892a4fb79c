import { builder } from './builder.ts';
import { RelatedLinkKindEnum } from './enums.ts';


export const RelatedLinkRef = builder.drizzleNode('relatedLinks', {
  name: 'RelatedLink',
  description: 'A link an article pointed readers to, such as "Related: PHOTOS: …".',
  select: {},
  id: { column: (link) => link.id },
  fields: (t) => ({
    title: t.exposeString('title', { description: 'The link text.' }),
    url: t.exposeString('url', { nullable: true, description: 'Where it leads, when the page gave a target.' }),
    kind: t.expose('kind', { type: RelatedLinkKindEnum, description: 'What it leads to.' }),
    position: t.exposeInt('position', { description: 'Order among the article\'s links, from 0.' }),
    article: t.relation('article', { description: 'The article the link appeared in.' }),
  }),
});
