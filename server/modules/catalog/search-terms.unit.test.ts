import fc from 'fast-check';
import { expect, it } from 'vitest';
import { MAX_TERMS, prefixUpperBound, productTerms, queryTokens, WEIGHT } from './search-terms.ts';

const product = {
  title: '史丹利 复合肥料 Urea 50kg',
  category: '化肥',
  sku: 'FERT-1',
  description: '适合玉米',
};
const matches = (terms: Map<string, number>, token: string) =>
  [...terms.keys()].some((term) => term >= token && term < prefixUpperBound(token));

it('indexes Chinese substrings, full pinyin, initials and English of the title', () => {
  const terms = productTerms(product);
  for (const q of [
    '复合肥',
    '肥料',
    '肥',
    'fuhefeiliao',
    'feiliao',
    'liao',
    'fhfl',
    'fl',
    'shidanli',
    'sdl',
    'urea',
    '50kg',
  ]) {
    expect(matches(terms, q), q).toBe(true);
  }
  expect(terms.get('urea')).toBe(WEIGHT.title);
  expect(terms.get('huafei')).toBe(WEIGHT.category);
  expect(terms.get('玉米')).toBe(WEIGHT.description);
  expect(matches(terms, 'yumi')).toBe(false);
});

it('cuts queries the way the index does', () => {
  expect(queryTokens('玉米种子')).toEqual(['玉米', '种子']);
  expect(queryTokens('  ＵＲＥＡ 46% ')).toEqual(['urea', '46']);
  expect(queryTokens('复合肥fl')).toEqual(expect.arrayContaining(['fl']));
  expect(queryTokens('%%%')).toEqual([]);
});

it('keeps terms bounded however long the text', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 2000 }), fc.string({ maxLength: 2000 }), (title, description) => {
      const terms = productTerms({ title, description, category: '杂项', sku: 'X' });
      return terms.size <= MAX_TERMS;
    }),
  );
  const long = '复合肥料'.repeat(200);
  expect(productTerms({ ...product, title: long, description: long }).size).toBeLessThanOrEqual(MAX_TERMS);
});

it('bounds a prefix range exactly', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 6 }), fc.string({ maxLength: 6 }), (prefix, rest) => {
      const upper = prefixUpperBound(prefix);
      const inside = Buffer.compare(Buffer.from(prefix + rest), Buffer.from(upper)) < 0;
      return inside && Buffer.compare(Buffer.from(prefix), Buffer.from(upper)) < 0;
    }),
  );
});
