// Measures both engines in Debian's Chromium against one served site: bytes downloaded
// for a cold and a follow-up query, and known-item success@1 and @5.
//   node measure.mjs ORIGIN QUERIES.json COLD_WORD FOLLOW_UP_WORD > results.json
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [origin, queriesFile, coldWord, followWord] = process.argv.slice(2);
const queries = JSON.parse(readFileSync(queriesFile, 'utf8'));
const browser = await chromium.launch({
  executablePath: process.env.BLOGARCHIVE_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});

async function page() {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(origin + '/bench/page.html');
  await tab.waitForFunction(() => window.blogarchive && window.pagefind);
  return { context, tab };
}

// Bytes of every response (headers and body as sent) while `action` runs.
async function bytesDuring(tab, action) {
  const responses = [];
  const listener = (response) => responses.push(response);
  tab.on('response', listener);
  await action();
  tab.off('response', listener);
  let total = 0;
  const files = [];
  for (const response of responses) {
    const sizes = await response.request().sizes();
    total += sizes.responseBodySize + sizes.responseHeadersSize;
    files.push([new URL(response.url()).pathname, sizes.responseBodySize]);
  }
  return { total, requests: responses.length, files };
}

const results = { bytes: {}, quality: {} };
for (const tool of ['blogarchive', 'pagefind']) {
  const { context, tab } = await page();
  const cold = await bytesDuring(tab, () => tab.evaluate(([t, q]) => window[t](q, 5), [tool, coldWord]));
  const follow = await bytesDuring(tab, () => tab.evaluate(([t, q]) => window[t](q, 5), [tool, followWord]));
  results.bytes[tool] = { cold, follow };
  await context.close();

  const { context: qualityContext, tab: qualityTab } = await page();
  results.quality[tool] = {};
  for (const [kind, list] of Object.entries(queries)) {
    let at1 = 0;
    let at5 = 0;
    const misses = [];
    for (const { query, target } of list) {
      const found = await qualityTab.evaluate(([t, q]) => window[t](q, 5), [tool, query]);
      const rank = found.indexOf(target);
      if (rank === 0) at1++;
      if (rank >= 0) at5++;
      else if (misses.length < 5) misses.push(query);
    }
    results.quality[tool][kind] = { queries: list.length, at1, at5, misses };
  }
  await qualityContext.close();
}
await browser.close();
console.log(JSON.stringify(results, null, 1));
