import { useCallback, useMemo, useState } from 'react';
import { type Product, unitPrice } from '../../../domains/catalog/types';

export type CartLine = { product: Product; quantity: number };

/** The basket of one assisted order; quantities never exceed the stock last seen. */
export function useCart() {
  const [lines, setLines] = useState<CartLine[]>([]);

  const add = useCallback((product: Product, quantity: number) => {
    setLines((current) => {
      const existing = current.find((l) => l.product.id === product.id);
      if (!existing) return [...current, { product, quantity: Math.min(quantity, product.stock) }];
      return current.map((l) =>
        l === existing ? { product, quantity: Math.min(l.quantity + quantity, product.stock) } : l,
      );
    });
  }, []);

  const setQuantity = useCallback((productId: string, quantity: number) => {
    setLines((current) => current.map((l) => (l.product.id === productId ? { ...l, quantity } : l)));
  }, []);

  const remove = useCallback((productId: string) => {
    setLines((current) => current.filter((l) => l.product.id !== productId));
  }, []);

  const clear = useCallback(() => setLines([]), []);

  const totals = useMemo(() => {
    const subtotalFen = lines.reduce((sum, l) => sum + l.product.priceFen * l.quantity, 0);
    const totalFen = lines.reduce((sum, l) => sum + unitPrice(l.product) * l.quantity, 0);
    return { subtotalFen, discountFen: subtotalFen - totalFen, totalFen };
  }, [lines]);

  return { lines, add, setQuantity, remove, clear, totals };
}

export type Cart = ReturnType<typeof useCart>;
