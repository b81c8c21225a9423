/**
 * A fixed-window counter kept in memory. Each API process limits on its own; that is
 * enough for login brute force (the window is per login and address) and needs nothing
 * else running.
 */
export type Limiter = {
  /** Counts one hit; true while the key is within its limit. */
  hit(key: string): boolean;
  blocked(key: string): boolean;
  reset(key: string): void;
};

export function createLimiter(max: number, windowMs: number, now: () => number = Date.now): Limiter {
  const windows = new Map<string, { start: number; count: number }>();
  const current = (key: string) => {
    const w = windows.get(key);
    if (!w || now() - w.start >= windowMs) return null;
    return w;
  };
  return {
    hit(key) {
      const w = current(key);
      if (!w) {
        if (windows.size > 100_000) windows.clear();
        windows.set(key, { start: now(), count: 1 });
        return max >= 1;
      }
      w.count++;
      return w.count <= max;
    },
    blocked(key) {
      const w = current(key);
      return w !== null && w.count >= max;
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
