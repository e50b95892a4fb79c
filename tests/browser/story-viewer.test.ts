// The story viewer as a reader meets it, against a server that runs only its trusted documents:
// opened in a real browser (Debian's chromium through playwright-core) with every request to
// another host blocked, it shows the front page, a story with its speakers and their roles, and a
// speaker's quotes paged forward and back, sending nothing but document hashes.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildViewer } from '../../examples/story-viewer/build.ts';
import { MANIFEST_FILE } from '../../examples/story-viewer/manifest.ts';
import { serveViewer } from '../../examples/story-viewer/serve.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { seedDemoIfEmpty } from '../../src/demo/seed.ts';
import { createApp, listen, type RunningServer } from '../../src/server.ts';
import { testConfig } from '../support/app.ts';
import { openTestDatabase } from '../support/database.ts';

const CHROMIUM = process.env.QUOTEGRAPH_CHROMIUM ?? '/usr/bin/chromium';
const required = process.env.QUOTEGRAPH_BROWSER_TESTS === 'required';
const available = existsSync(CHROMIUM);
if (required && !available) throw new Error(`QUOTEGRAPH_BROWSER_TESTS=required but there is no browser at ${CHROMIUM}`);

let database: DatabaseHandle;
let api: RunningServer;
let viewer: { server: Server; url: string };
let browser: Browser;

interface Exchange {
  body: Record<string, unknown>;
  status: number;
  answer: { data?: unknown; errors?: { extensions?: { code?: string } }[] };
}

/** The texts of the quotes on the page, once it has finished loading. */
async function quoteTexts(page: Page): Promise<string[]> {
  await page.locator('main[aria-busy="false"]').waitFor();
  return page.locator('.quote blockquote').allInnerTexts();
}

describe.skipIf(!available)('the story viewer in a browser, trusted documents only', () => {
  beforeAll(async () => {
    database = await openTestDatabase();
    await seedDemoIfEmpty(database, pino({ level: 'silent' }));
    const config = testConfig({
      host: '127.0.0.1',
      port: 0,
      trustedDocuments: { mode: 'only', manifests: [MANIFEST_FILE] },
    });
    api = await listen(createApp({ config, database }), config);
    const dist = await mkdtemp(path.join(os.tmpdir(), 'qg-viewer-'));
    await buildViewer(dist);
    viewer = await serveViewer({ port: 0, host: '127.0.0.1', api: api.url, dist });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => viewer?.server.close(resolve));
    await api?.close();
    await database?.close();
  });

  test('front page, a story, a speaker, next page and back', async () => {
    const origin = new URL(viewer.url).origin;
    const context = await browser.newContext();
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin)) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const exchanges: Exchange[] = [];
    page.on('response', async (response) => {
      if (response.request().method() !== 'POST' || !response.url().endsWith('/graphql')) return;
      exchanges.push({
        body: JSON.parse(response.request().postData() ?? '{}'),
        status: response.status(),
        answer: await response.json(),
      });
    });

    // The front page: the demo's stories, newest first.
    await page.goto(viewer.url);
    await expect.poll(() => page.locator('.article').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    expect(await page.locator('h1').innerText()).toBe('Latest stories');

    // A story: its quotes, each speaker with their roles, related links.
    await page.locator('.story-link', { hasText: 'Tidal Pilot' }).first().click();
    expect((await quoteTexts(page)).length).toBeGreaterThan(3);
    expect(await page.locator('article.story h1').innerText()).toContain('Tidal Pilot');
    const mayor = page.locator('.speaker', { hasText: 'Elena Márquez' }).first();
    expect(await mayor.innerText()).toContain('Mayor');

    // The speaker's page, five quotes at a time.
    await mayor.locator('.speaker-link').click();
    const first = await quoteTexts(page);
    expect(await page.locator('.speaker-page h1').innerText()).toBe('Elena Márquez');
    expect(first).toHaveLength(5);
    expect(await page.locator('.pager .previous.disabled').count()).toBe(1);

    await page.locator('.pager a.next').click();
    await expect.poll(() => page.url()).toContain('after=');
    const second = await quoteTexts(page);
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((text) => first.includes(text))).toEqual([]);

    await page.locator('.pager a.previous').click();
    await expect.poll(() => page.url()).toContain('before=');
    expect(await quoteTexts(page)).toEqual(first);

    // Every request was a trusted document's hash, and every answer came without errors.
    expect(exchanges.map((exchange) => exchange.body.operationName)).toEqual([
      'FrontPage',
      'Story',
      'PersonPage',
      'PersonPage',
      'PersonPage',
    ]);
    for (const exchange of exchanges) {
      expect(exchange.body).not.toHaveProperty('query');
      expect(exchange.body).toHaveProperty('extensions.persistedQuery.sha256Hash');
      expect(exchange.answer.errors, JSON.stringify(exchange.answer.errors)).toBeUndefined();
      expect(exchange.status).toBe(200);
    }
    expect(blocked, 'requests that tried to leave the machine').toEqual([]);
    expect(pageErrors).toEqual([]);

    // The same server refuses a document sent as text.
    const refused = await page.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      return (await response.json()) as { errors: { extensions: { code: string } }[] };
    });
    expect(refused.errors[0]!.extensions.code).toBe('TRUSTED_DOCUMENTS_ONLY');
    await context.close();
  }, 120_000);

  test('an organization speaking through a spokesperson has a page of its own', async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${viewer.url}#/story/port-calder-council-approves-12-turbine-tidal-pilot-in-6-3-vote`);
    await page.locator('.speaker-link', { hasText: 'Harbor Authority' }).first().click();
    await expect.poll(() => page.url()).toContain('#/organization/');
    expect((await quoteTexts(page)).length).toBeGreaterThan(0);
    expect(await page.locator('.speaker-page h1').innerText()).toBe('Port Calder Harbor Authority');
    expect(await page.locator('.error').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 60_000);
});
