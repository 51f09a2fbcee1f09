// Whole queries: the browser's engine (search.js reading the built index files) against
// `blogarchive search --json` (the C++ engine on the index in memory), on the sample
// archive (German), the WordPress Theme Unit Test (English) and the French and Dutch
// golden sites. Same documents, same
// scores, same order, same totals, for plain words, unfinished words, phrases,
// compounds, umlaut spellings and words that match nothing.
//   node engine.test.mjs --blogarchive BIN --work DIR --site NAME EXPORT CONFIG [--site …]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { available } from '../support/fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { SearchIndex, runQuery } = await import(join(here, '..', '..', 'themes/default/static/search.js'));

const args = process.argv.slice(2);
const blogarchive = args[args.indexOf('--blogarchive') + 1];
const work = args[args.indexOf('--work') + 1];
const sites = [];
args.forEach((arg, i) => {
  if (arg === '--site') sites.push({ name: args[i + 1], export: args[i + 2], config: args[i + 3] });
});

const QUERIES = {
  de: ['Hobelbank', 'hobelbänke', 'Werkstatt Keller', 'blog', 'Leim Knochenleim', '"die Hobelbank"', 'Mueller',
    'werkst', 'Schellack Oberfläche', 'Zinken', 'nichtvorhanden', 'Hobel Tagebuch', 'Großvater', 'grossvater',
    '„Vier Jahre“', 'Die', 'Runde', 'ho'],
  en: ['markup', 'image alignment', 'gallery', 'comments', '"post format"', 'sticky', 'tags', 'Lorem ipsum',
    'template', 'templ', 'nothingatall', 'jump', 'readmore', 'caption', 'pagination paginated', 'the', 'video',
    'excerpt'],
  // Stemmed in the browser through the index's stems file (no stemmer in search-stemmers.js).
  fr: ['sauvegarder', 'photos', 'Sauvegarder ses photos', 'disque externe', '"la descente"', "l'article", 'vidéo',
    'cols', 'rsync', 'catégorie', 'introuvable', 'sauv', 'Le', 'sauvegardes', 'articles'],
  nl: ['thermometer', 'Arduino', 'artikel', 'reacties', 'werkplaats', '"een jaar later"', 'sensor schuur', 'graden',
    'ther', 'onbekend', 'de', 'artikelen'],
};

// fetch() for the built site folder, with Range as static servers answer it.
function siteFetcher(root) {
  return async (url, init = {}) => {
    const bytes = readFileSync(join(root, url));
    const range = init.headers && init.headers.Range;
    if (!range) return new Response(bytes, { status: 200 });
    const [, from, to] = /bytes=(\d+)-(\d+)/.exec(range);
    return new Response(bytes.subarray(Number(from), Number(to) + 1), { status: 206 });
  };
}

// Queries that must find something: stemming works, not just agrees ("sauvegardes" and
// "articles" never occur in the French archive; their stems do).
const MUST_FIND = { fr: ['sauvegardes', 'articles', 'photos'], nl: ['reacties', 'artikelen'] };

let failures = 0;
let compared = 0;
for (const site of sites) {
  if (!available(site.export, `the ${site.name} queries`)) continue;
  const dir = join(work, site.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const store = join(dir, 'blog.db');
  execFileSync(blogarchive, ['import', site.export, '--store', store, '--quiet']);
  execFileSync(blogarchive, ['build', '--store', store, '--config', site.config, '--out', join(dir, 'site'), '--quiet']);
  const index = await new SearchIndex('search/', siteFetcher(join(dir, 'site'))).open();
  for (const query of QUERIES[index.manifest.language]) {
    for (const prefix of [false, true]) {
      const cli = JSON.parse(execFileSync(blogarchive, ['search', '--store', store, '--config', site.config, '--json',
        '--limit', '10', ...(prefix ? ['--prefix'] : []), query]).toString());
      const js = await runQuery(index, query, { prefixLast: prefix, limit: 10 });
      const jsHits = await Promise.all(js.hits.map(async (hit) => ({ url: (await index.document(hit.doc)).url,
        score: hit.score })));
      const expected = JSON.stringify({ total: cli.total, partial: cli.partial, hits: cli.hits.map((h) => [h.url, h.score]) });
      const got = JSON.stringify({ total: js.total, partial: js.partial, hits: jsHits.map((h) => [h.url, h.score]) });
      compared++;
      if (got !== expected) {
        failures++;
        console.error(`FAIL ${site.name} "${query}"${prefix ? ' (typing)' : ''}\n  C++: ${expected}\n  JS:  ${got}`);
      }
    }
  }
  for (const query of MUST_FIND[index.manifest.language] || []) {
    const js = await runQuery(index, query, { prefixLast: false, limit: 10 });
    compared++;
    if (js.total === 0) {
      failures++;
      console.error(`FAIL ${site.name} "${query}" finds nothing in the browser`);
    }
  }
}
console.log(`${compared} queries compared, ${failures} difference(s)`);
process.exit(failures === 0 && compared > 20 && !process.exitCode ? 0 : 1);
