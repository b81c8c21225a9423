import { useSyncExternalStore } from 'react';
import type { Listing } from '../domains/upstream/types';

/**
 * The buyer's cart, kept in localStorage so it survives signing in and closing the tab. The
 * server takes one village centre per order, so the cart is grouped by the centre a product
 * comes from and checkout places one order per group.
 */
export type CartLine = {
  productId: string;
  title: string;
  unit: string | null;
  priceFen: number;
  centerId: string;
  village: string | null;
  quantity: number;
};

const KEY = 'cuntong.store.cart';
const listeners = new Set<() => void>();
let cached: { raw: string | null; lines: CartLine[] } = { raw: null, lines: [] };

function read(): CartLine[] {
  const raw = localStorage.getItem(KEY);
  if (raw === cached.raw) return cached.lines;
  let lines: CartLine[] = [];
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(parsed)) lines = parsed as CartLine[];
  } catch {
    // A damaged cart is an empty one; the products are still on the shelf.
  }
  cached = { raw, lines };
  return lines;
}

function write(lines: CartLine[]): void {
  if (lines.length) localStorage.setItem(KEY, JSON.stringify(lines));
  else localStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab's changes arrive as storage events.
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

export const useCart = (): CartLine[] => useSyncExternalStore(subscribe, read);

export const cart = {
  add(product: Listing, quantity = 1): void {
    const centerId = product.origin?.centerId;
    if (!centerId) return;
    const lines = read();
    const existing = lines.find((l) => l.productId === product.id);
    write(
      existing
        ? lines.map((l) => (l === existing ? { ...l, quantity: l.quantity + quantity } : l))
        : [
            ...lines,
            {
              productId: product.id,
              title: product.title,
              unit: product.unit ?? null,
              priceFen: product.priceFen,
              centerId,
              village: product.origin?.village ?? null,
              quantity,
            },
          ],
    );
  },
  setQuantity(productId: string, quantity: number): void {
    write(read().map((l) => (l.productId === productId ? { ...l, quantity } : l)));
  },
  remove(productIds: readonly string[]): void {
    write(read().filter((l) => !productIds.includes(l.productId)));
  },
};

export type CartGroup = { centerId: string; village: string | null; lines: CartLine[]; totalFen: number };

/** One group per village centre, in the order they were first added. */
export function groupByCenter(lines: readonly CartLine[]): CartGroup[] {
  const groups = new Map<string, CartGroup>();
  for (const line of lines) {
    const group = groups.get(line.centerId) ?? {
      centerId: line.centerId,
      village: line.village,
      lines: [],
      totalFen: 0,
    };
    group.lines.push(line);
    group.totalFen += line.priceFen * line.quantity;
    groups.set(line.centerId, group);
  }
  return [...groups.values()];
}
