import { describe, expect, it } from 'vitest';
import { createLimiter } from './rate-limit.ts';

describe('fixed-window limiter (sign-in lock-out, public forms, sign-ups)', () => {
  it('blocks a key after its limit until the window ends, other keys untouched', () => {
    let now = 0;
    const limiter = createLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) expect(limiter.hit('ip|li-wei')).toBe(true);
    expect(limiter.blocked('ip|li-wei')).toBe(true);
    expect(limiter.hit('ip|li-wei')).toBe(false);
    expect(limiter.blocked('ip|wang-fang')).toBe(false);
    now = 59_999;
    expect(limiter.blocked('ip|li-wei')).toBe(true);
    now = 60_000;
    expect(limiter.blocked('ip|li-wei')).toBe(false);
    expect(limiter.hit('ip|li-wei')).toBe(true);
  });

  it('forgets a key on reset (a successful sign-in)', () => {
    const limiter = createLimiter(2, 60_000, () => 0);
    limiter.hit('k');
    limiter.hit('k');
    expect(limiter.blocked('k')).toBe(true);
    limiter.reset('k');
    expect(limiter.blocked('k')).toBe(false);
  });
});
