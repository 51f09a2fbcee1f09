// Snowball's German and English (Porter2) stemmers, written for blogarchive from the
// algorithms' published definitions (snowballstem.org), so that the browser stems a
// query exactly as libstemmer 2.2 stemmed the archive at build time.
// tests/search/analysis.test.mjs checks both against libstemmer word for word.

// ---- shared helpers: a word is an array of code points --------------------------

function endsWith(w, end, suffix) {
  const s = Array.from(suffix);
  if (s.length > end) return false;
  for (let i = 0; i < s.length; i++) if (w[end - s.length + i] !== s[i]) return false;
  return true;
}

// The longest of `suffixes` that `w` (up to `end`) ends with, or null.
function longestSuffix(w, end, suffixes) {
  let best = null;
  for (const s of suffixes) {
    if ((best === null || s.length > best.length) && endsWith(w, end, s)) best = s;
  }
  return best;
}

function replaceEnd(w, length, replacement) {
  w.splice(w.length - length, length, ...Array.from(replacement));
}

// ---- German ------------------------------------------------------------------------

const DE_VOWEL = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'ä', 'ö', 'ü']);
const DE_S_ENDING = new Set(['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'r', 't']);
const DE_ST_ENDING = new Set(['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 't']);

export function stemGerman(word) {
  const w = [];
  for (const c of word) {
    if (c === 'ß') w.push('s', 's');
    else w.push(c);
  }
  // u and y between vowels are consonants: marked as U and Y.
  for (let i = 0; i + 2 < w.length;) {
    if (DE_VOWEL.has(w[i]) && (w[i + 1] === 'u' || w[i + 1] === 'y') && DE_VOWEL.has(w[i + 2])) {
      w[i + 1] = w[i + 1].toUpperCase();
      i += 3;
    } else {
      i++;
    }
  }
  const [p1, p2] = germanRegions(w);
  germanSuffixes(w, p1, p2);
  return w.map((c) => ({ Y: 'y', U: 'u', 'ä': 'a', 'ö': 'o', 'ü': 'u' })[c] || c).join('');
}

function germanRegions(w) {
  const n = w.length;
  if (n < 3) return [n, n];
  const after = (from) => {
    let i = from;
    while (i < n && !DE_VOWEL.has(w[i])) i++;
    while (i < n && DE_VOWEL.has(w[i])) i++;
    return i < n ? i + 1 : n;
  };
  // p1: after the first non-vowel that follows a vowel, but at least 3 letters in.
  let p1 = after(0);
  if (p1 === n && !hasVowelThenConsonant(w, 0)) return [n, n];
  const p2 = hasVowelThenConsonant(w, p1) ? after(p1) : n;
  if (p1 < 3) p1 = 3;
  return [p1, p2];
}

function hasVowelThenConsonant(w, from) {
  let i = from;
  while (i < w.length && !DE_VOWEL.has(w[i])) i++;
  while (i < w.length && DE_VOWEL.has(w[i])) i++;
  return i < w.length;
}

function germanSuffixes(w, p1, p2) {
  // Step 1
  let s = longestSuffix(w, w.length, ['em', 'ern', 'er', 'e', 'en', 'es', 's']);
  if (s !== null && w.length - s.length >= p1) {
    const start = w.length - s.length;
    if (s === 's') {
      if (start > 0 && DE_S_ENDING.has(w[start - 1])) w.length = start;
    } else {
      w.length = start;
      if ((s === 'e' || s === 'en' || s === 'es') && endsWith(w, w.length, 'niss')) w.length -= 1;
    }
  }
  // Step 2
  s = longestSuffix(w, w.length, ['en', 'er', 'est', 'st']);
  if (s !== null && w.length - s.length >= p1) {
    const start = w.length - s.length;
    if (s === 'st') {
      if (start > 0 && DE_ST_ENDING.has(w[start - 1]) && start - 1 >= 3) w.length = start;
    } else {
      w.length = start;
    }
  }
  // Step 3: derivational suffixes in R2
  s = longestSuffix(w, w.length, ['end', 'ung', 'ig', 'ik', 'isch', 'lich', 'heit', 'keit']);
  if (s === null || w.length - s.length < p2) return;
  const start = w.length - s.length;
  const before = start > 0 ? w[start - 1] : '';
  if (s === 'end' || s === 'ung') {
    w.length = start;
    if (endsWith(w, w.length, 'ig') && w.length - 2 >= p2 && w[w.length - 3] !== 'e') w.length -= 2;
  } else if (s === 'ig' || s === 'ik' || s === 'isch') {
    if (before !== 'e') w.length = start;
  } else if (s === 'lich' || s === 'heit') {
    w.length = start;
    if ((endsWith(w, w.length, 'er') || endsWith(w, w.length, 'en')) && w.length - 2 >= p1) w.length -= 2;
  } else {  // keit
    w.length = start;
    const inner = longestSuffix(w, w.length, ['lich', 'ig']);
    if (inner !== null && w.length - inner.length >= p2) w.length -= inner.length;
  }
}

// ---- English (Porter2) -----------------------------------------------------------

const EN_VOWEL = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const EN_VALID_LI = new Set(['c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't']);
const EN_EXCEPTIONS = new Map([
  ['skis', 'ski'], ['skies', 'sky'], ['dying', 'die'], ['lying', 'lie'], ['tying', 'tie'],
  ['idly', 'idl'], ['gently', 'gentl'], ['ugly', 'ugli'], ['early', 'earli'], ['only', 'onli'],
  ['singly', 'singl'], ['sky', 'sky'], ['news', 'news'], ['howe', 'howe'], ['atlas', 'atlas'],
  ['cosmos', 'cosmos'], ['bias', 'bias'], ['andes', 'andes'],
]);
const EN_EXCEPTIONS_AFTER_1A = new Set(['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed',
  'succeed']);

export function stemEnglish(word) {
  if (EN_EXCEPTIONS.has(word)) return EN_EXCEPTIONS.get(word);
  const w = Array.from(word);
  if (w.length < 3) return word;
  if (w[0] === "'") w.shift();
  let yFound = false;
  for (let i = 0; i < w.length; i++) {
    if (w[i] === 'y' && (i === 0 || EN_VOWEL.has(w[i - 1]))) {
      w[i] = 'Y';
      yFound = true;
    }
  }
  const [p1, p2] = englishRegions(w);
  englishStep1a(w);
  if (!EN_EXCEPTIONS_AFTER_1A.has(w.join(''))) {
    englishStep1b(w, p1);
    englishStep1c(w);
    englishStep2(w, p1);
    englishStep3(w, p1, p2);
    englishStep4(w, p2);
    englishStep5(w, p1, p2);
  }
  const stem = w.join('');
  return yFound ? stem.replace(/Y/g, 'y') : stem;
}

const isVowel = (c) => EN_VOWEL.has(c);

function englishRegions(w) {
  const n = w.length;
  const after = (from) => {
    let i = from;
    while (i < n && !isVowel(w[i])) i++;
    if (i >= n) return null;
    while (i < n && isVowel(w[i])) i++;
    return i < n ? i + 1 : null;
  };
  const text = w.join('');
  let p1 = null;
  for (const prefix of ['gener', 'commun', 'arsen']) {
    if (text.startsWith(prefix)) p1 = prefix.length;
  }
  if (p1 === null) p1 = after(0);
  if (p1 === null) return [n, n];
  const p2 = after(p1);
  return [p1, p2 === null ? n : p2];
}

// A short syllable ends the word at `end`.
function shortSyllable(w, end) {
  const c = (i) => (i >= 0 ? w[i] : undefined);
  if (end >= 3 && !isVowel(c(end - 1)) && !['w', 'x', 'Y'].includes(c(end - 1)) && isVowel(c(end - 2)) &&
      !isVowel(c(end - 3))) return true;
  return end === 2 && !isVowel(c(1)) && isVowel(c(0));
}

function englishStep1a(w) {
  const apostrophe = longestSuffix(w, w.length, ["'", "'s", "'s'"]);
  if (apostrophe !== null) w.length -= Array.from(apostrophe).length;
  const s = longestSuffix(w, w.length, ['sses', 'ied', 'ies', 's', 'us', 'ss']);
  if (s === 'sses') replaceEnd(w, 4, 'ss');
  else if (s === 'ied' || s === 'ies') replaceEnd(w, 3, w.length - 3 >= 2 ? 'i' : 'ie');
  else if (s === 's') {
    // Delete if a vowel comes before the letter before the s.
    for (let i = w.length - 3; i >= 0; i--) {
      if (isVowel(w[i])) {
        w.length -= 1;
        break;
      }
    }
  }
}

function englishStep1b(w, p1) {
  const s = longestSuffix(w, w.length, ['eed', 'eedly', 'ed', 'edly', 'ing', 'ingly']);
  if (s === null) return;
  const start = w.length - s.length;
  if (s === 'eed' || s === 'eedly') {
    if (start >= p1) replaceEnd(w, s.length, 'ee');
    return;
  }
  if (!w.slice(0, start).some(isVowel)) return;
  w.length = start;
  const end = longestSuffix(w, w.length, ['at', 'bl', 'iz', 'bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt']);
  if (end === 'at' || end === 'bl' || end === 'iz') w.push('e');
  else if (end !== null) w.length -= 1;
  else if (w.length === p1 && shortSyllable(w, w.length)) w.push('e');
}

function englishStep1c(w) {
  const n = w.length;
  if (n >= 3 && (w[n - 1] === 'y' || w[n - 1] === 'Y') && !isVowel(w[n - 2])) w[n - 1] = 'i';
}

const EN_STEP2 = [
  ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['abli', 'able'], ['entli', 'ent'], ['izer', 'ize'],
  ['ization', 'ize'], ['ational', 'ate'], ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'], ['aliti', 'al'],
  ['alli', 'al'], ['fulness', 'ful'], ['ousli', 'ous'], ['ousness', 'ous'], ['iveness', 'ive'], ['iviti', 'ive'],
  ['biliti', 'ble'], ['bli', 'ble'], ['ogi', 'og'], ['fulli', 'ful'], ['lessli', 'less'], ['li', ''],
];

function englishStep2(w, p1) {
  const s = longestSuffix(w, w.length, EN_STEP2.map(([from]) => from));
  if (s === null || w.length - s.length < p1) return;
  const start = w.length - s.length;
  if (s === 'ogi' && w[start - 1] !== 'l') return;
  if (s === 'li' && !EN_VALID_LI.has(w[start - 1])) return;
  replaceEnd(w, s.length, EN_STEP2.find(([from]) => from === s)[1]);
}

const EN_STEP3 = [
  ['tional', 'tion'], ['ational', 'ate'], ['alize', 'al'], ['icate', 'ic'], ['iciti', 'ic'], ['ical', 'ic'],
  ['ful', ''], ['ness', ''], ['ative', ''],
];

function englishStep3(w, p1, p2) {
  const s = longestSuffix(w, w.length, EN_STEP3.map(([from]) => from));
  if (s === null || w.length - s.length < p1) return;
  if (s === 'ative' && w.length - s.length < p2) return;
  replaceEnd(w, s.length, EN_STEP3.find(([from]) => from === s)[1]);
}

const EN_STEP4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ism', 'ate',
  'iti', 'ous', 'ive', 'ize', 'ion'];

function englishStep4(w, p2) {
  const s = longestSuffix(w, w.length, EN_STEP4);
  if (s === null || w.length - s.length < p2) return;
  const start = w.length - s.length;
  if (s === 'ion' && !(w[start - 1] === 's' || w[start - 1] === 't')) return;
  w.length = start;
}

function englishStep5(w, p1, p2) {
  const n = w.length;
  if (w[n - 1] === 'e') {
    if (n - 1 >= p2 || (n - 1 >= p1 && !shortSyllable(w, n - 1))) w.length -= 1;
  } else if (w[n - 1] === 'l') {
    if (n - 1 >= p2 && w[n - 2] === 'l') w.length -= 1;
  }
}
