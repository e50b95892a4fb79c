// Takes the README's screenshots (docs/*.png) in Debian's chromium, of a server on a fresh
// in-memory database with the demo articles: GraphiQL after running the story, and the story
// viewer showing it. `npm run browser:install` first.
import { mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { chromium } from 'playwright-core';
import { buildViewer } from '../examples/story-viewer/build.ts';
import { serveViewer } from '../examples/story-viewer/serve.ts';
import { loadConfig } from '../src/config.ts';
import { connect } from '../src/db/connect.ts';
import { seedDemoIfEmpty } from '../src/demo/seed.ts';
import { createApp, listen } from '../src/server.ts';

const config = {
  ...loadConfig({ QUOTEGRAPH_DATA_DIR: 'memory://', QUOTEGRAPH_CACHE: 'false' }),
  host: '127.0.0.1',
  port: 0,
};
const database = await connect(config, pino({ level: 'silent' }));
await seedDemoIfEmpty(database, pino({ level: 'silent' }));
const running = await listen(createApp({ config, database }), config);
const browser = await chromium.launch({
  executablePath: process.env.QUOTEGRAPH_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  await mkdir('docs', { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await page.goto(running.url);
  await page.locator('.graphiql-execute-button').waitFor();
  await page.waitForFunction(() => document.querySelector('.graphiql-query-editor')?.textContent?.includes('Story'));
  const answered = page.waitForResponse(
    (response) => response.request().postData()?.includes('"operationName":"Story"') ?? false,
  );
  await page.locator('.graphiql-execute-button').click();
  await answered;
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/graphiql-story.png' });
  console.log('docs/graphiql-story.png');

  const dist = await mkdtemp(path.join(os.tmpdir(), 'qg-viewer-'));
  await buildViewer(dist);
  const viewer = await serveViewer({ port: 0, host: '127.0.0.1', api: running.url, dist });
  try {
    const story = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
    await story.goto(`${viewer.url}#/story/port-calder-council-approves-12-turbine-tidal-pilot-in-6-3-vote`);
    await story.locator('main[aria-busy="false"] .quote').first().waitFor();
    await story.screenshot({ path: 'docs/story-viewer.png' });
    console.log('docs/story-viewer.png');
  } finally {
    await new Promise((resolve) => viewer.server.close(resolve));
  }
} finally {
  await browser.close();
  await running.close();
  await database.close();
}
