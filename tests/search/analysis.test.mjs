// The browser's analysis (themes/default/static/search.js and search-stemmers.js)
// against the build's (src/search/analyzer.cpp with libstemmer): every case of
// analysis.cases, and the folding and stemming of every word of real German and
// English text. A difference would make the browser miss what the index holds.
//   node analysis.test.mjs --vocabulary TOOL --de FILE... --en FILE...
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { available } from '../support/fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const { Analyzer, fold, latinWordSpans, snippet, wordsOf } = await import(join(root, 'themes/default/static/search.js'));

const args = process.argv.slice(2);
const tool = args[args.indexOf('--vocabulary') + 1];
let allFiles = true;  // without ../shared, fewer words are compared
const filesFor = (flag) => {
  const files = [];
  for (let i = args.indexOf(flag) + 1; i > 0 && i < args.length && !args[i].startsWith('--'); i++) {
    if (available(args[i], `its words in the ${flag.slice(2)} vocabulary`)) files.push(args[i]);
    else allFiles = false;
  }
  return files;
};

let failures = 0;
const fail = (message) => {
  failures++;
  if (failures <= 40) console.error('FAIL ' + message);
};

const vocabularies = {};
const textFiles = {};  // per language, those present
for (const language of ['de', 'en', 'xx']) {
  const files = filesFor('--' + language);
  textFiles[language] = files;
  vocabularies[language] = JSON.parse(execFileSync(tool, [language, ...(files.length ? files : [join(here, 'analysis.cases')])],
    { maxBuffer: 1 << 28 }).toString());
}

// 1. The case file.
let cases = 0;
const text = readFileSync(join(here, 'analysis.cases'), 'utf8');
for (const block of text.split(/^### /m).slice(1)) {
  const [name, ...lines] = block.split('\n');
  const separator = lines.indexOf('---');
  const input = lines.slice(0, separator).filter((l) => l && !l.startsWith('#')).join('');
  const expected = lines.slice(separator + 1).filter((l) => l && !l.startsWith('#')).join('');
  const [kind, ...rest] = input.split(': ');
  if (kind === 'compounds') continue;  // index time only
  const analyzer = new Analyzer(kind, vocabularies[kind].stopWords);
  const got = analyzer.terms(rest.join(': ')).join(' ');
  cases++;
  if (got !== expected) fail(`case "${name}": got "${got}", expected "${expected}"`);
}

// 2. Every word of the vocabulary files: folding and stemming as libstemmer does.
let words = 0;
for (const language of ['de', 'en']) {
  const analyzer = new Analyzer(language, vocabularies[language].stopWords);
  for (const [folded, stem] of vocabularies[language].pairs) {
    words++;
    const got = analyzer.stem(folded);
    if (got !== stem) fail(`${language} stem of "${folded}": got "${got}", libstemmer "${stem}"`);
    if (fold(folded, language) !== folded) fail(`${language} folding "${folded}" again changed it`);
  }
}

// 3. Word breaks on a mixed sample: the same words as ICU.
const sample = 'Am 05.01.2010 schrieb Jörg: „Die Hobelbank-Runde trifft sich um 19:30 Uhr.“ Don’t panic, e-mail me.';
const expectedWords = ['Am', '05.01.2010', 'schrieb', 'Jörg', 'Die', 'Hobelbank', 'Runde', 'trifft', 'sich', 'um',
  '19', '30', 'Uhr', 'Don’t', 'panic', 'e', 'mail', 'me'];
if (JSON.stringify(wordsOf(sample)) !== JSON.stringify(expectedWords)) fail('word breaks: ' + JSON.stringify(wordsOf(sample)));

// 4. Result snippets: the words around the first match, wherever it is, marked by stem.
const german = new Analyzer('de', vocabularies.de.stopWords);
const filler = (n) => Array.from({ length: n }, (_, i) => `Wort${i}`).join(' ');
const render = (pieces) => pieces.map(([text, match]) => (match ? `[${text}]` : text)).join('');
const deep = render(snippet(german, 'Hobelbänke', `${filler(200)} Zwei Hobelbänke stehen hier. ${filler(200)}`, 8));
if (deep !== '… Wort199 Zwei [Hobelbänke] stehen hier. Wort0 Wort1 Wort2 …') fail('snippet of a late match: ' + deep);
const early = render(snippet(german, 'hobel', `Der Hobel liegt auf der Bank. ${filler(50)}`, 4));
if (early !== 'Der [Hobel] liegt auf …') fail('snippet of an early match: ' + early);
const none = render(snippet(german, 'Leim', 'Nur Holz und Wasser.', 30));
if (none !== 'Nur Holz und Wasser') fail('snippet without a match: ' + none);

// 5. The Latin shortcut (search.js skips ICU's costly set-up for Latin-1 text) gives
// exactly Intl.Segmenter's words: on every line of the files above that it covers, and
// on random strings of its letters, digits and punctuation, which meet each joining
// rule in every neighbourhood.
const icu = new Intl.Segmenter('en', { granularity: 'word' });
const icuSpans = (line) => [...icu.segment(line)].filter((part) => part.isWordLike)
  .map((part) => [part.index, part.index + part.segment.length]);
let latinLines = 0;
const compareLatin = (line) => {
  const latin = latinWordSpans(line);
  if (latin === null) return;
  latinLines++;
  if (JSON.stringify(latin) !== JSON.stringify(icuSpans(line))) {
    fail(`Latin words of ${JSON.stringify(line.slice(0, 120))}: ${JSON.stringify(latin.map(([b, e]) => line.slice(b, e)))}`);
  }
};
for (const file of [...textFiles.de, ...textFiles.en]) readFileSync(file, 'utf8').split('\n').forEach(compareLatin);
const alphabet = [...'aZéº0 9_.\'‘’:·,;-!"„“–…×´²\n'];
let seed = 1;
const random = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
for (let i = 0; i < 20000; i++) {
  compareLatin(Array.from({ length: 1 + random(8) }, () => alphabet[random(alphabet.length)]).join(''));
}
if (latinLines < 20000 + (allFiles ? 1000 : 10)) fail(`the Latin shortcut covered only ${latinLines} lines`);
if (latinWordSpans('Wort\u00adtrennung') !== null || latinWordSpans('Ελληνικά') !== null) fail('the Latin shortcut took text it does not cover');

console.log(`${cases} cases, ${words} words compared, ${latinLines} lines broken the Latin way, ${failures} failure(s)`);
process.exit(failures === 0 && cases > 5 && words > (allFiles ? 1000 : 100) && !process.exitCode ? 0 : 1);
