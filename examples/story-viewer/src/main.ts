// The story viewer: the front page, a story, and a speaker's page with cursor paging, routed by
// the location hash. Plain DOM; every value from the API is set as text, never as HTML.
import { GraphQLRequestError, request } from './client.ts';
import { readFragment, type FragmentOf } from './graphql.ts';
import { FrontPage, OrganizationPage, PersonPage, QuoteList, QuotePage, SpeakerFields, Story } from './operations.ts';

const PAGE_SIZE = 5;

type Child = Node | string | null | undefined | false;

function el(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

const link = (href: string, text: string, attributes: Record<string, string> = {}) =>
  el('a', { href, ...attributes }, text);

function date(value: string | null | undefined): string {
  return value
    ? new Date(value).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    : '';
}

function speakerHref(speaker: FragmentOf<typeof SpeakerFields>): string | null {
  const fields = readFragment(SpeakerFields, speaker);
  if (fields.__typename === 'Person') return `#/person/${encodeURIComponent(fields.id)}`;
  if (fields.__typename === 'Organization') return `#/organization/${encodeURIComponent(fields.id)}`;
  return null;
}

function speakerBlock(speaker: FragmentOf<typeof SpeakerFields> | null, label: string | null): HTMLElement {
  if (!speaker) return el('p', { class: 'speaker' }, label ?? 'Unattributed');
  const fields = readFragment(SpeakerFields, speaker);
  const href = speakerHref(speaker);
  if (fields.__typename === 'Person') {
    const roles = fields.affiliations.map((affiliation) =>
      [affiliation.role, affiliation.organization.name].filter(Boolean).join(', '),
    );
    return el(
      'p',
      { class: 'speaker' },
      href ? link(href, fields.name, { class: 'speaker-link' }) : fields.name,
      roles.length ? el('span', { class: 'roles' }, ` — ${roles.join('; ')}`) : null,
    );
  }
  if (fields.__typename === 'Organization') {
    return el(
      'p',
      { class: 'speaker' },
      href ? link(href, fields.name, { class: 'speaker-link' }) : fields.name,
      el('span', { class: 'roles' }, ` — ${fields.kind.toLowerCase()}`),
    );
  }
  return el('p', { class: 'speaker' }, label ?? '');
}

function quoteList(list: FragmentOf<typeof QuoteList>, showArticle: boolean): HTMLElement {
  const { nodes } = readFragment(QuoteList, list);
  return el(
    'ol',
    { class: 'quotes' },
    ...nodes.map((quote) =>
      el(
        'li',
        { class: `quote ${quote.kind.toLowerCase()}` },
        el('blockquote', {}, quote.text),
        speakerBlock(quote.speaker, quote.speakerLabel),
        showArticle
          ? el(
              'p',
              { class: 'source' },
              link(`#/story/${encodeURIComponent(quote.article.slug)}`, quote.article.title),
              ` · ${date(quote.article.publishedAt)}`,
            )
          : null,
      ),
    ),
  );
}

async function frontPage(): Promise<HTMLElement> {
  const data = await request(FrontPage, {});
  return el(
    'section',
    { class: 'front' },
    el('h1', {}, 'Latest stories'),
    el(
      'ul',
      { class: 'articles' },
      ...data.articles.nodes.map((article) =>
        el(
          'li',
          { class: 'article' },
          el('h2', {}, link(`#/story/${encodeURIComponent(article.slug)}`, article.title, { class: 'story-link' })),
          el('p', { class: 'meta' }, [article.publisher?.name, date(article.publishedAt)].filter(Boolean).join(' · ')),
          article.dek ? el('p', { class: 'dek' }, article.dek) : null,
          article.quotes.nodes[0]
            ? el(
                'p',
                { class: 'teaser' },
                `“${article.quotes.nodes[0].text}” — ${article.quotes.nodes[0].speakerLabel ?? 'unattributed'} (${article.quotes.totalCount} quotes)`,
              )
            : null,
        ),
      ),
    ),
  );
}

async function storyPage(slug: string): Promise<HTMLElement> {
  const { article } = await request(Story, { slug });
  if (!article) return el('p', { class: 'missing' }, 'No such story.');
  const quotes = readFragment(QuoteList, article.quotes);
  return el(
    'article',
    { class: 'story' },
    el('h1', {}, article.title),
    el('p', { class: 'meta' }, [article.publisher?.name, date(article.publishedAt)].filter(Boolean).join(' · ')),
    article.dek ? el('p', { class: 'dek' }, article.dek) : null,
    el('h2', {}, `Quotes (${quotes.totalCount})`),
    quoteList(article.quotes, false),
    article.relatedLinks.length
      ? el(
          'section',
          { class: 'related' },
          el('h2', {}, 'Related'),
          el(
            'ul',
            {},
            ...article.relatedLinks.map((related) =>
              el(
                'li',
                {},
                related.url ? link(related.url, related.title, { rel: 'noopener noreferrer' }) : related.title,
                ` (${related.kind.toLowerCase()})`,
              ),
            ),
          ),
        )
      : null,
  );
}

interface PageCursor {
  after?: string;
  before?: string;
}

/** Next and previous links for a speaker page reached with `cursor`. */
function pager(base: string, page: FragmentOf<typeof QuotePage>, cursor: PageCursor): HTMLElement {
  const { pageInfo, ...list } = readFragment(QuotePage, page);
  const { totalCount } = readFragment(QuoteList, list);
  // A page reached going forward has items before it, and one reached going back has items after it.
  const hasPrevious = pageInfo.hasPreviousPage || cursor.after !== undefined;
  const hasNext = pageInfo.hasNextPage || cursor.before !== undefined;
  return el(
    'nav',
    { class: 'pager' },
    hasPrevious && pageInfo.startCursor
      ? link(`${base}?before=${encodeURIComponent(pageInfo.startCursor)}`, '← Previous', { class: 'previous' })
      : el('span', { class: 'previous disabled' }, '← Previous'),
    el('span', { class: 'count' }, `${totalCount} quotes`),
    hasNext && pageInfo.endCursor
      ? link(`${base}?after=${encodeURIComponent(pageInfo.endCursor)}`, 'Next →', { class: 'next' })
      : el('span', { class: 'next disabled' }, 'Next →'),
  );
}

function pageVariables(id: string, cursor: PageCursor) {
  return cursor.before !== undefined
    ? { id, last: PAGE_SIZE, before: cursor.before }
    : { id, first: PAGE_SIZE, ...(cursor.after !== undefined ? { after: cursor.after } : {}) };
}

async function personPage(id: string, cursor: PageCursor): Promise<HTMLElement> {
  const { person } = await request(PersonPage, pageVariables(id, cursor));
  if (!person) return el('p', { class: 'missing' }, 'No such person.');
  const base = `#/person/${encodeURIComponent(id)}`;
  return el(
    'section',
    { class: 'speaker-page' },
    el('h1', {}, person.name),
    person.description ? el('p', { class: 'dek' }, person.description) : null,
    person.affiliations.length
      ? el(
          'ul',
          { class: 'affiliations' },
          ...person.affiliations.map((affiliation) =>
            el('li', {}, [affiliation.role, affiliation.organization.name].filter(Boolean).join(', ')),
          ),
        )
      : null,
    quoteList(readFragment(QuotePage, person.quotes), true),
    pager(base, person.quotes, cursor),
  );
}

async function organizationPage(id: string, cursor: PageCursor): Promise<HTMLElement> {
  const { organization } = await request(OrganizationPage, pageVariables(id, cursor));
  if (!organization) return el('p', { class: 'missing' }, 'No such organization.');
  const base = `#/organization/${encodeURIComponent(id)}`;
  return el(
    'section',
    { class: 'speaker-page' },
    el('h1', {}, organization.name),
    el('p', { class: 'meta' }, organization.kind.toLowerCase()),
    organization.description ? el('p', { class: 'dek' }, organization.description) : null,
    quoteList(readFragment(QuotePage, organization.quotes), true),
    pager(base, organization.quotes, cursor),
  );
}

function route(hash: string): Promise<HTMLElement> {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const cursor: PageCursor = {};
  const after = params.get('after');
  const before = params.get('before');
  if (after !== null) cursor.after = after;
  if (before !== null) cursor.before = before;
  const [, kind, key] = path.split('/');
  if (kind === 'story' && key) return storyPage(decodeURIComponent(key));
  if (kind === 'person' && key) return personPage(decodeURIComponent(key), cursor);
  if (kind === 'organization' && key) return organizationPage(decodeURIComponent(key), cursor);
  return frontPage();
}

async function render(): Promise<void> {
  const main = document.querySelector('main')!;
  main.setAttribute('aria-busy', 'true');
  let content: HTMLElement;
  try {
    content = await route(location.hash);
  } catch (error) {
    const code = error instanceof GraphQLRequestError && error.code ? ` (${error.code})` : '';
    content = el(
      'p',
      { class: 'error' },
      `Could not load this page: ${error instanceof Error ? error.message : String(error)}${code}`,
    );
  }
  main.replaceChildren(content);
  main.setAttribute('aria-busy', 'false');
  window.scrollTo(0, 0);
}

window.addEventListener('hashchange', () => void render());
void render();
