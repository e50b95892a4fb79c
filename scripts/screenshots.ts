// Takes the README's screenshots (docs/*.png) in Debian's chromium, of a server on a fresh
// in-memory database with the demo articles: GraphiQL as it opens, and after running the story.
// `npm run browser:install` first.
import { mkdir } from 'node:fs/promises';
import pino from 'pino';
import { chromium } from 'playwright-core';
import { loadConfig } from '../src/config.ts';
import { connect } from '../src/db/connect.ts';
import { seedDemoIfEmpty } from '../src/demo/seed.ts';
import { createApp, listen } from '../src/server.ts';

const config = { ...loadConfig({ QUOTEGRAPH_DATA_DIR: 'memory://', QUOTEGRAPH_CACHE: 'false' }), host: '127.0.0.1', port: 0 };
const database = await connect(config, pino({ level: 'silent' }));
await seedDemoIfEmpty(database, pino({ level: 'silent' }));
const running = await listen(createApp({ config, database }), config);
const browser = await chromium.launch({ executablePath: process.env.QUOTEGRAPH_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  await mkdir('docs', { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await page.goto(running.url);
  await page.locator('.graphiql-execute-button').waitFor();
  await page.waitForFunction(() => document.querySelector('.graphiql-query-editor')?.textContent?.includes('Story'));
  const answered = page.waitForResponse((response) => response.request().postData()?.includes('"operationName":"Story"') ?? false);
  await page.locator('.graphiql-execute-button').click();
  await answered;
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/graphiql-story.png' });
  console.log('docs/graphiql-story.png');
} finally {
  await browser.close();
  await running.close();
  await database.close();
}
