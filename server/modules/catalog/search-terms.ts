import { pinyin } from 'pinyin-pro';

/**
 * The search vocabulary, shared by indexing and querying so both always cut text the same way.
 *
 * A product is indexed as prefix-searchable terms. For every Han character of its title and
 * category there is a window of up to WINDOW characters starting there, plus the same window
 * as full pinyin and as initials; a prefix of a window is therefore any substring of the text
 * (肥, 复合肥), any run of syllables (feiliao, fuhefeiliao, liao) or initials (fl, ymzz). Whole
 * Chinese words (from Intl.Segmenter) and Latin/digit words are terms too, so that a query
 * equal to a word scores as an exact match. The description contributes its words only, at
 * the lowest weight.
 */
export const WINDOW = 8;
export const MAX_TERMS = 96;
export const MAX_QUERY_TOKENS = 5;
const MAX_LATIN = 40;

export const WEIGHT = { title: 8, category: 4, sku: 4, description: 1 } as const;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_WORD = /[a-z0-9]+/g;

const normalize = (text: string) => text.normalize('NFKC').toLowerCase();

function hanWords(run: string): string[] {
  return [...segmenter.segment(run)].map((s) => s.segment);
}

function windows(units: string[]): string[] {
  return units.map((_, i) => units.slice(i, i + WINDOW).join(''));
}

/**
 * Terms of one run of Han characters. Catalogues repeat the same runs (brands, product types)
 * over thousands of products and pinyin conversion dominates indexing, so runs are memoised.
 */
const runCache = new Map<string, string[]>();
function hanRunTerms(run: string): string[] {
  const cached = runCache.get(run);
  if (cached) return cached;
  const chars = [...run];
  const terms = hanWords(run).filter((w) => [...w].length > 1);
  terms.push(...windows(chars));
  terms.push(...windows(pinyin(run, { toneType: 'none', type: 'array' })));
  // A one-letter initials window is always a prefix of the pinyin window beside it.
  terms.push(...windows(pinyin(run, { toneType: 'none', type: 'array', pattern: 'first' })).slice(0, -1));
  if (runCache.size >= 50_000) runCache.clear();
  runCache.set(run, terms);
  return terms;
}

/** Every term of one field: windows (Han, pinyin, initials), Chinese words, Latin words. */
function fieldTerms(text: string, withWindows: boolean): string[] {
  const norm = normalize(text);
  const terms: string[] = [];
  for (const [run] of norm.matchAll(HAN_RUN)) {
    if (withWindows) terms.push(...hanRunTerms(run));
    else for (const word of hanWords(run)) if ([...word].length > 1) terms.push(word);
  }
  for (const [word] of norm.matchAll(LATIN_WORD)) terms.push(word.slice(0, MAX_LATIN));
  return terms;
}

export type Indexable = { title: string; category: string; sku: string; description: string };

/**
 * The terms of a product with their weights (title > category = sku > description); a term
 * found in several fields keeps its best weight. At most MAX_TERMS, title terms first.
 */
export function productTerms(p: Indexable): Map<string, number> {
  const out = new Map<string, number>();
  const add = (terms: string[], weight: number) => {
    for (const term of terms) {
      if (out.size >= MAX_TERMS && !out.has(term)) return;
      if ((out.get(term) ?? 0) < weight) out.set(term, weight);
    }
  };
  add(fieldTerms(p.title, true), WEIGHT.title);
  add(fieldTerms(p.category, true), WEIGHT.category);
  add([normalize(p.sku).slice(0, MAX_LATIN)], WEIGHT.sku);
  add(fieldTerms(p.description, false), WEIGHT.description);
  return out;
}

/**
 * What a query searches for: its Chinese words (cut as the index cuts them, each at most a
 * window long) and its Latin/digit words; every token must match (AND). Pinyin typed without
 * spaces stays one token and matches the pinyin windows by prefix.
 */
export function queryTokens(q: string): string[] {
  const norm = normalize(q);
  const tokens: string[] = [];
  for (const [run] of norm.matchAll(HAN_RUN)) {
    for (const word of hanWords(run)) tokens.push([...word].slice(0, WINDOW).join(''));
  }
  for (const [word] of norm.matchAll(LATIN_WORD)) tokens.push(word.slice(0, MAX_LATIN));
  return [...new Set(tokens)].slice(0, MAX_QUERY_TOKENS);
}

/**
 * The smallest string greater than every string starting with `prefix`, for a range scan
 * `term >= prefix and term < upper`. Terms compare as UTF-8 bytes on both databases, which
 * orders like code points, so incrementing the last code point is enough.
 */
export function prefixUpperBound(prefix: string): string {
  const chars = [...prefix];
  const last = chars.pop()!.codePointAt(0)!;
  const next = last === 0xd7ff ? 0xe000 : last + 1;
  return chars.join('') + String.fromCodePoint(next);
}
