import { expect, it } from 'vitest';
import { maskName } from './screen-feed.ts';

it('masks a name to its first character', () => {
  expect(maskName('张大山')).toBe('张*');
  expect(maskName(' 欧阳 ')).toBe('欧*');
  expect(maskName('')).toBe('*');
});
