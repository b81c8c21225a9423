import fc from 'fast-check';
import { expect, it } from 'vitest';
import { uuidv7 } from './ids.ts';

it('makes RFC 9562 version-7 ids', () => {
  expect(uuidv7()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

it('sorts ids in creation order, also many within one millisecond', () => {
  const ids = Array.from({ length: 5000 }, () => uuidv7());
  expect([...ids].sort()).toEqual(ids);
  expect(new Set(ids).size).toBe(ids.length);
});

it('carries the timestamp in the first 48 bits, never going back in time', () => {
  let base = Date.now() + 1_000;
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 10_000_000 }), (step) => {
      base += step;
      const id = uuidv7(base);
      // A clock that steps back must not produce an id that sorts before the last one.
      const afterClockStepBack = uuidv7(base - step);
      return Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16) === base && afterClockStepBack > id;
    }),
  );
});
