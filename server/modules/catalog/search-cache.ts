/**
 * Ranked result pages of the national catalogue, kept for a few seconds. Partners across a
 * county type the same handful of words (肥料, 种子, 尿素) all day; ranking a broad word
 * means scoring every matching product, while hydrating a cached page is one primary-key
 * read. Only the ranking is cached — price, stock and status are read fresh for every
 * response, and products that went inactive meanwhile are dropped. A new or renamed
 * product shows up in other processes within `TTL_MS` (like a search engine's refresh
 * interval), in this process at once: every product write starts a new generation, and
 * keys carry theirs. One cache per database handle.
 */
const TTL_MS = 10_000;
const MAX_ENTRIES = 5_000;

type Page = { ids: string[]; total: number; expires: number };
const caches = new WeakMap<object, Map<string, Page>>();
let generation = 0;

function cacheOf(db: object): Map<string, Page> {
  let pages = caches.get(db);
  if (!pages) {
    pages = new Map();
    caches.set(db, pages);
  }
  return pages;
}

export function cachedPage(db: object, key: string, now: number): { ids: string[]; total: number } | null {
  const pages = cacheOf(db);
  const page = pages.get(`${generation}|${key}`);
  if (!page || page.expires <= now) return null;
  return page;
}

export function rememberPage(
  db: object,
  key: string,
  page: { ids: string[]; total: number },
  now: number,
): void {
  const pages = cacheOf(db);
  if (pages.size >= MAX_ENTRIES) pages.clear();
  pages.set(`${generation}|${key}`, { ...page, expires: now + TTL_MS });
}

/** Called on every write that changes what a search finds. */
export function forgetSearchPages(): void {
  generation++;
}
