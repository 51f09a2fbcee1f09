// The archive's search, in the browser: analysis, index access and ranking as
// src/search (analyzer.cpp, index_files.cpp, query.cpp) define them, step for step, so
// that `blogarchive search` prints what readers see. Plain JavaScript: no framework, no
// WebAssembly, no request to another host. Format: docs/formats/search-index.md.
import { stemEnglish, stemGerman } from './search-stemmers.js';

const PHRASE_CANDIDATES = 50;
const PREFIX_EXPANSIONS = 50;
const PREFIX_WEIGHT = 0.5;

// ---- analysis -----------------------------------------------------------------------

// The [begin, end) offsets of the words of `text`, one at a time, so that a caller
// that needs only the first words never breaks the rest.
export function* eachWordSpan(text) {
  const classes = latinClasses(text);
  if (classes) {
    yield* latinSpans(classes);
  } else if (typeof Intl !== 'undefined' && Intl.Segmenter) {
    // The same Unicode word break rules as ICU's BreakIterator at build time.
    for (const part of segmenter().segment(text)) {
      if (part.isWordLike) yield [part.index, part.index + part.segment.length];
    }
  } else {
    for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+(?:['’.][\p{L}\p{N}\p{M}]+)*/gu)) {
      yield [match.index, match.index + match[0].length];
    }
  }
}

let wordSegmenter = null;
function segmenter() {
  wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  return wordSegmenter;
}

// The first Intl.Segmenter of a page costs 25–80 ms of ICU set-up on the main thread
// (Chromium 156, measured): the longest task of the search page. Most queries and
// excerpts are Latin-1 letters, digits, spaces and common punctuation, and for those the
// Unicode word rules (UAX #29) reduce to a few lines: letters, digits and underscores
// join; "." and the apostrophes also join two letters (WB6/7), ":" joins only letters,
// and "," and ";" join only digits (WB11/12), as "." and the apostrophes do. ICU calls a
// lone underscore no word, but two or more are one. Any other character (a soft hyphen,
// a letter beyond Latin-1, ...) leaves the text to ICU.
const LETTER = 1;
const DIGIT = 2;
const MID_NUM_LET = 3;  // . ' ‘ ’
const MID_LETTER = 4;  // : ·
const MID_NUM = 5;  // , ;
const BREAK = 6;  // spaces and punctuation that never join anything
const UNDERSCORE = 7;
const BREAKS = new Set([...'\t\n\v\f\r !"#$%&()*+-/<=>?@[\\]^`{|}~\u00a0¡¢£¤¥¦§¨©«¬®¯°±²³´¶¹¼½¾¿×÷–—“”„»…•']
  .map((c) => c.charCodeAt(0)));

function latinClass(code) {
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return LETTER;
  if (code >= 0x30 && code <= 0x39) return DIGIT;
  if (code >= 0xc0 && code <= 0xff) return code === 0xd7 || code === 0xf7 ? BREAK : LETTER;
  if (code === 0xaa || code === 0xb5 || code === 0xba) return LETTER;  // ª µ º
  if (code === 0x2e || code === 0x27 || code === 0x2018 || code === 0x2019) return MID_NUM_LET;
  if (code === 0x3a || code === 0xb7) return MID_LETTER;
  if (code === 0x2c || code === 0x3b) return MID_NUM;
  if (code === 0x5f) return UNDERSCORE;
  return BREAKS.has(code) ? BREAK : 0;
}

// The class of each character of `text`, or null when one is not covered.
function latinClasses(text) {
  const classes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    classes[i] = latinClass(text.charCodeAt(i));
    if (classes[i] === 0) return null;
  }
  return classes;
}

// The word spans of text with these classes, one at a time.
function* latinSpans(classes) {
  const joins = (i) => {
    const before = classes[i - 1];
    const after = classes[i + 1];
    switch (classes[i]) {
      case MID_NUM_LET: return (before === LETTER && after === LETTER) || (before === DIGIT && after === DIGIT);
      case MID_LETTER: return before === LETTER && after === LETTER;
      case MID_NUM: return before === DIGIT && after === DIGIT;
      default: return false;
    }
  };
  let begin = -1;
  let alphanumeric = false;
  for (let i = 0; i <= classes.length; i++) {
    const kind = classes[i];  // undefined past the end: no word part
    const isWordPart = kind === LETTER || kind === DIGIT || kind === UNDERSCORE || (begin >= 0 && joins(i));
    if (isWordPart && begin < 0) begin = i;
    if (!isWordPart && begin >= 0) {
      if (alphanumeric || i - begin > 1) yield [begin, i];
      begin = -1;
      alphanumeric = false;
    }
    if (kind === LETTER || kind === DIGIT) alphanumeric = true;
  }
}

// The word spans of `text` by those rules, or null when a character is not covered.
export function latinWordSpans(text) {
  const classes = latinClasses(text);
  return classes ? [...latinSpans(classes)] : null;
}

export function wordSpans(text) {
  return [...eachWordSpan(text)];
}

export function wordsOf(text) {
  return wordSpans(text).map(([begin, end]) => text.slice(begin, end));
}

// French and Italian elisions: "l'article" is searched as "article" (analyzer.cpp).
const ELIDED = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'dell', 'dall', 'nell', 'sull', 'all', 'un']);

// Lower case; "ae", "oe", "ue" (not after q) are umlauts in German.
export function fold(word, language) {
  const lower = word.toLowerCase().replace(/’/g, "'");
  if (language === 'fr' || language === 'it') {
    const apostrophe = lower.indexOf("'");
    if (apostrophe > 0 && apostrophe + 1 < lower.length && ELIDED.has(lower.slice(0, apostrophe))) {
      return lower.slice(apostrophe + 1);
    }
    return lower;
  }
  if (language !== 'de') return lower;
  return lower.replace(/(q?)([aou])e/g, (all, q, vowel) => (q && vowel === 'u' ? all : q + { a: 'ä', o: 'ö', u: 'ü' }[vowel]));
}

// For languages this file has no stemmer of, the index lists each word of the archive
// with its stem (libstemmer's, at build time). A word the archive never used is looked
// up without its last one to three letters ("vélos" → "vélo"), as a suffix would be
// stripped; failing that it is its own stem.
export function tableStemmer(stems) {
  const known = new Set(stems.values());
  return (word) => {
    const stem = stems.get(word);
    if (stem !== undefined) return stem;
    const letters = Array.from(word);
    for (let cut = 1; cut <= 3 && letters.length - cut >= 4; cut++) {
      const shorter = letters.slice(0, letters.length - cut).join('');
      if (stems.has(shorter)) return stems.get(shorter);
      if (known.has(shorter)) return shorter;
    }
    return word;
  };
}

export function parseStems(text) {
  const stems = new Map();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) stems.set(line.slice(0, tab), line.slice(tab + 1));
    else if (line) stems.set(line, line);
  }
  return stems;
}

export class Analyzer {
  constructor(language, stopWords, stems = null) {
    this.language = language;
    this.stopWords = new Set(stopWords);
    this.stems = new Map();
    this.stemmer = language === 'de' ? stemGerman : language === 'en' ? stemEnglish
      : stems ? tableStemmer(stems) : (w) => w;
  }
  // Excerpts repeat their words, and a results page stems every word it shows.
  stem(folded) {
    let stem = this.stems.get(folded);
    if (stem === undefined) {
      stem = this.stemmer(folded);
      this.stems.set(folded, stem);
    }
    return stem;
  }
  isStopWord(folded) { return this.stopWords.has(folded); }
  terms(text) {
    const terms = [];
    for (const word of wordsOf(text)) {
      const folded = fold(word, this.language);
      if (!this.isStopWord(folded)) terms.push(this.stem(folded));
    }
    return terms;
  }
}

// How a typed beginning compares with stems: German stems have no umlauts, and ss.
function prefixKey(folded, language) {
  if (language !== 'de') return folded;
  return folded.replace(/[äöüß]/g, (c) => ({ 'ä': 'a', 'ö': 'o', 'ü': 'u', 'ß': 'ss' })[c]);
}

// ---- the index files ----------------------------------------------------------------

async function gunzip(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function utf8(bytes) { return new TextDecoder().decode(bytes); }

function compareBytes(a, b) {
  // Terms are ordered by their UTF-8 bytes, as std::string compares them.
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  for (let i = 0; i < x.length && i < y.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

// A term of a shard; its postings are decoded when a query first reads them. A shard
// holds thousands of terms and a query reads a few: decoding them all up front was the
// search page's longest task on a phone.
class ShardTerm {
  constructor(term, bytes, at, df) {
    this.term = term;
    this.df = df;  // how many documents hold the term
    this.bytes = bytes;
    this.at = at;  // where its postings begin in `bytes`
    this.postings = null;
  }

  get docs() { return this.decoded().docs; }
  get impacts() { return this.decoded().impacts; }

  decoded() {
    if (this.postings === null) {
      const reader = new VarintReader(this.bytes, this.at);
      const docs = new Uint32Array(this.df);
      const impacts = new Uint8Array(this.df);
      let doc = 0;
      for (let i = 0; i < this.df; i++) {
        doc += reader.varint();
        docs[i] = doc;
        impacts[i] = this.bytes[reader.at++];
      }
      this.postings = { docs, impacts };
    }
    return this.postings;
  }
}

class VarintReader {
  constructor(bytes, at = 0) {
    this.bytes = bytes;
    this.at = at;
  }

  varint() {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.bytes[this.at++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  }

  // Past `count` postings (a varint and an impact byte each) without decoding them.
  skipPostings(count) {
    for (let i = 0; i < count; i++) {
      while (this.bytes[this.at++] >= 0x80);
      this.at++;
    }
  }
}

function isAscii(bytes, begin, end) {
  for (let i = begin; i < end; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

// The terms of a shard, in its order. Terms are front-coded: each shares `shared` bytes
// with the one before. Most terms are ASCII, whose bytes are their characters, so they
// are cut and joined as strings; the others are put together as bytes and decoded.
function parseShard(bytes) {
  const reader = new VarintReader(bytes);
  const terms = [];
  let previous = '';
  let previousBytes = null;  // the previous term's bytes, kept only when it is not ASCII
  for (let count = reader.varint(); count > 0; count--) {
    const shared = reader.varint();
    const suffix = reader.varint();
    const begin = reader.at;
    reader.at += suffix;
    let term;
    if (previousBytes === null && isAscii(bytes, begin, reader.at)) {
      term = previous.slice(0, shared) + String.fromCharCode.apply(null, bytes.subarray(begin, reader.at));
    } else {
      previousBytes ??= new TextEncoder().encode(previous);
      const joined = new Uint8Array(shared + suffix);
      joined.set(previousBytes.subarray(0, shared));
      joined.set(bytes.subarray(begin, reader.at), shared);
      term = utf8(joined);
      previousBytes = isAscii(joined, 0, joined.length) ? null : joined;
    }
    previous = term;
    const df = reader.varint();
    terms.push(new ShardTerm(term, bytes, reader.at, df));
    reader.skipPostings(df);
  }
  return terms;
}

export class SearchIndex {
  // `base`: the URL of the search folder ("/search/"); `fetcher`: fetch or a stand-in.
  constructor(base, fetcher = (url, init) => fetch(url, init)) {
    this.base = base;
    this.fetcher = fetcher;
    this.shards = new Map();  // file → Promise of parsed terms
    this.documents = new Map();
    this.wholeFiles = new Map();  // for servers that ignore Range
  }

  async open() {
    const response = await this.fetcher(this.base + 'manifest.json');
    if (!response.ok) throw new Error('search index: ' + response.status);
    this.manifest = await response.json();
    let stems = null;
    if (this.manifest.stems) {
      const file = await this.fetcher(this.base + this.manifest.stems);
      if (!file.ok) throw new Error('search index: ' + file.status);
      stems = parseStems(utf8(await gunzip(new Uint8Array(await file.arrayBuffer()))));
    }
    this.analyzer = new Analyzer(this.manifest.language, this.manifest.stopWords, stems);
    return this;
  }

  shard(file) {
    if (!this.shards.has(file)) {
      this.shards.set(file, this.fetcher(this.base + file)
        .then((r) => r.arrayBuffer())
        .then((b) => gunzip(new Uint8Array(b)))
        .then(parseShard));
    }
    return this.shards.get(file);
  }

  // The shard that holds `term`, by the first terms the manifest lists.
  shardFor(term) {
    const shards = this.manifest.shards;
    let low = 0;
    let high = shards.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (compareBytes(shards[middle][0], term) <= 0) low = middle;
      else high = middle - 1;
    }
    return shards.length ? shards[low][1] : null;
  }

  async find(term) {
    const file = this.shardFor(term);
    if (!file) return null;
    return (await this.shard(file)).find((t) => t.term === term) || null;
  }

  // Terms beginning with `prefix`: they start in the shard that would hold the prefix
  // itself and go on while the next shards begin with it.
  async withPrefix(prefix) {
    const shards = this.manifest.shards;
    const first = shards.findIndex((s) => s[1] === this.shardFor(prefix));
    const found = [];
    for (let i = first; i >= 0 && i < shards.length; i++) {
      if (i > first && !shards[i][0].startsWith(prefix)) break;
      for (const t of await this.shard(shards[i][1])) if (t.term.startsWith(prefix)) found.push(t);
    }
    return found;
  }

  async range(file, begin, length) {
    if (this.wholeFiles.has(file)) return (await this.wholeFiles.get(file)).subarray(begin, begin + length);
    const response = await this.fetcher(this.base + file, { headers: { Range: `bytes=${begin}-${begin + length - 1}` } });
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (response.status === 206) return bytes;
    // The server sent the whole file: keep it, and cut from it from now on.
    this.wholeFiles.set(file, Promise.resolve(bytes));
    return bytes.subarray(begin, begin + length);
  }

  document(number) {
    if (!this.documents.has(number)) {
      this.documents.set(number, (async () => {
        const entry = new DataView((await this.range(this.manifest.table, number * 8, 8)).slice().buffer);
        const blob = await this.range(this.manifest.store, entry.getUint32(0, true), entry.getUint32(4, true));
        const stored = JSON.parse(utf8(await gunzip(blob)));
        return { url: stored.u, title: stored.t, date: stored.d, text: stored.x };
      })());
    }
    return this.documents.get(number);
  }
}

// ---- queries ------------------------------------------------------------------------

export function parseQuery(raw, analyzer, prefixLast) {
  const query = raw.replace(/[„“”]/g, '"');
  const words = [];
  const phrases = [];
  const parts = query.split('"');
  let lastWasPlainWord = false;
  parts.forEach((part, index) => {
    const phrase = index % 2 === 1;
    const folded = wordsOf(part).map((w) => fold(w, analyzer.language));
    for (const word of folded) words.push({ folded: word, prefix: false });
    lastWasPlainWord = !phrase && folded.length > 0;
    if (phrase && folded.length) phrases.push(folded);
  });
  const stillTyping = query.length > 0 && !/["\s]$/.test(query);
  if (prefixLast && stillTyping && lastWasPlainWord) words[words.length - 1].prefix = true;
  return { words: words.filter((w) => w.prefix || !analyzer.isStopWord(w.folded)), phrases };
}

async function termsOf(word, index) {
  const analyzer = index.analyzer;
  const terms = [];
  let exact = null;
  if (!analyzer.isStopWord(word.folded)) {
    exact = await index.find(analyzer.stem(word.folded));
    if (exact) terms.push([exact, 1]);
  }
  const key = prefixKey(word.folded, analyzer.language);
  if (word.prefix && Array.from(new TextEncoder().encode(key)).length >= 2) {
    const found = (await index.withPrefix(key)).filter((t) => t !== exact);  // shards are parsed once: one object per term
    found.sort((a, b) => b.df - a.df || compareBytes(a.term, b.term));
    for (const t of found.slice(0, PREFIX_EXPANSIONS)) terms.push([t, PREFIX_WEIGHT]);
  }
  return terms;
}

function containsPhrase(words, phrase) {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

// { hits: [{doc, score}], total, partial }, best first; the same as run_query in C++.
export async function runQuery(index, query, { prefixLast = false, limit = 10 } = {}) {
  const analyzer = index.analyzer;
  const parsed = parseQuery(query, analyzer, prefixLast);
  const seen = new Set();
  const matches = new Map();
  let groups = 0;
  for (const word of parsed.words) {
    const key = word.folded + (word.prefix ? '*' : '');
    if (seen.has(key)) continue;
    seen.add(key);
    groups++;
    const best = new Map();
    for (const [term, weight] of await termsOf(word, index)) {
      for (let i = 0; i < term.docs.length; i++) {
        const value = term.impacts[i] * weight;
        if (!(best.get(term.docs[i]) >= value)) best.set(term.docs[i], value);
      }
    }
    for (const [doc, value] of best) {
      const match = matches.get(doc) || { groups: 0, score: 0 };
      match.groups++;
      match.score += value;
      matches.set(doc, match);
    }
  }
  const results = { hits: [], total: 0, partial: false };
  if (groups === 0) return results;
  let hits = [];
  for (const [doc, match] of matches) if (match.groups === groups) hits.push({ doc, score: match.score });
  if (hits.length === 0 && groups > 1) {
    results.partial = true;
    for (const [doc, match] of matches) hits.push({ doc, score: match.score });
  }
  hits.sort((a, b) => (a.score !== b.score ? b.score - a.score : a.doc - b.doc));
  if (parsed.phrases.length) {
    const candidates = hits.slice(0, PHRASE_CANDIDATES);
    const documents = await Promise.all(candidates.map((hit) => index.document(hit.doc)));
    hits = candidates.filter((hit, i) => {
      const words = wordsOf(documents[i].title + '\n' + documents[i].text).map((w) => fold(w, analyzer.language));
      return parsed.phrases.every((phrase) => containsPhrase(words, phrase));
    });
  }
  results.total = hits.length;
  results.hits = hits.slice(0, limit);
  return results;
}

// The words of `text` around the first match, as [text, matched] pieces. Words are
// broken and stemmed only as far as that window reaches: ten long articles on a
// results page would otherwise hold a phone's main thread for a noticeable time.
export function snippet(analyzer, query, text, words = 30) {
  const parsed = parseQuery(query, analyzer, true);
  const stems = new Set(parsed.words.map((w) => analyzer.stem(w.folded)));
  const prefixes = parsed.words.filter((w) => w.prefix).map((w) => prefixKey(w.folded, analyzer.language));
  const matches = ([b, e]) => {
    const folded = fold(text.slice(b, e), analyzer.language);
    if (analyzer.isStopWord(folded)) return false;
    const stem = analyzer.stem(folded);
    return stems.has(stem) || prefixes.some((p) => stem.startsWith(p));
  };
  const lead = Math.floor(words / 3);
  const spans = [];
  const matched = [];
  let first = -1;
  for (const span of eachWordSpan(text)) {
    // One word past the window tells that the text goes on.
    if (first >= 0 && spans.length > Math.max(0, first - lead) + words) break;
    spans.push(span);
    matched.push(matches(span));
    if (first < 0 && matched[matched.length - 1]) first = spans.length - 1;
  }
  if (!spans.length) return [];
  const begin = first < 0 || first < lead ? 0 : first - lead;
  return pieces(text, spans, matched, begin, words);
}

function pieces(text, spans, matched, begin, words) {
  const end = Math.min(spans.length, begin + words);
  const result = begin > 0 ? [['… ', false]] : [];
  let at = spans[begin][0];
  for (let i = begin; i < end; i++) {
    result.push([text.slice(at, spans[i][0]), false]);
    result.push([text.slice(spans[i][0], spans[i][1]), matched[i]]);
    at = spans[i][1];
  }
  if (end < spans.length) result.push([' …', false]);
  return result;
}

// ---- the search page ----------------------------------------------------------------

const yieldToBrowser = () => (globalThis.scheduler?.yield ? globalThis.scheduler.yield()
  : new Promise((resolve) => setTimeout(resolve, 0)));

// A result: its linked title, its date, and the excerpt with the matched words marked.
function resultItem(stored, excerptPieces) {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = stored.url;
  link.textContent = stored.title;
  const heading = document.createElement('h2');
  heading.append(link);
  item.append(heading);
  if (stored.date) {
    const date = document.createElement('p');
    date.className = 'meta';
    date.textContent = stored.date;
    item.append(date);
  }
  const excerpt = document.createElement('p');
  for (const [piece, match] of excerptPieces) {
    if (match) {
      const mark = document.createElement('mark');
      mark.textContent = piece;
      excerpt.append(mark);
    } else {
      excerpt.append(piece);
    }
  }
  item.append(excerpt);
  return item;
}

function startPage() {
  const page = document.querySelector('[data-search]');
  if (!page) return;
  const input = page.querySelector('input[name="q"]');
  const status = page.querySelector('.search-status');
  const list = page.querySelector('.search-results');
  const more = page.querySelector('.search-more');
  const text = (key, values = {}) => (page.dataset[key] || '').replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
  const index = new SearchIndex(page.dataset.search);
  const ready = index.open();
  let shown = 0;
  let current = null;
  let generation = 0;

  const render = async (results, query, from, mine) => {
    const found = await Promise.all(results.hits.slice(from).map((hit) => index.document(hit.doc)));
    for (const stored of found) {
      // One result per task: excerpts are broken into words and stemmed here, and ten
      // of them at once held a phone's main thread longer than a tap may wait.
      await yieldToBrowser();
      if (mine !== generation) return;
      list.append(resultItem(stored, snippet(index.analyzer, query, stored.text)));
    }
  };

  const run = async (query, { typing }) => {
    const mine = ++generation;
    const url = new URL(window.location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    window.history.replaceState(null, '', url);
    if (!query.trim()) {
      list.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      return;
    }
    await ready;
    shown = 10;
    const results = await runQuery(index, query, { prefixLast: typing, limit: 1000 });
    if (mine !== generation) return;
    current = { results, query };
    list.replaceChildren();
    status.textContent = results.total === 0 ? text('none', { query })
      : text(results.total === 1 ? 'countOne' : 'count', { count: results.total, query }) +
        (results.partial ? ' ' + text('partial') : '');
    await render({ hits: results.hits.slice(0, shown) }, query, 0, mine);
    // A newer query (or an emptied box) owns the button now.
    if (mine === generation) more.hidden = results.hits.length <= shown;
  };

  let timer = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(input.value, { typing: true }), 120);
  });
  page.querySelector('form').addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run(input.value, { typing: false });
  });
  more.addEventListener('click', async () => {
    if (!current) return;
    const from = shown;
    shown += 10;
    const mine = generation;
    await render({ hits: current.results.hits.slice(0, shown) }, current.query, from, mine);
    if (mine === generation) more.hidden = current.results.hits.length <= shown;
  });
  ready.catch(() => { status.textContent = text('unavailable'); });
  const initial = new URL(window.location.href).searchParams.get('q');
  if (initial) {
    input.value = initial;
    run(initial, { typing: false });
  }
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startPage);
  else startPage();
}
