import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, post } from '../../api/client';
import type { Items } from '../../api/types';
import type { Category, Product, ProductKind, ProductStatus, Promotion, PromotionType } from './types';

export type ProductQuery = {
  q?: string;
  category?: string;
  kind?: ProductKind;
  limit: number;
  offset: number;
};

function search(params: Record<string, string | number | undefined>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
  return s.toString();
}

export const useProducts = (query: ProductQuery) =>
  useQuery({
    queryKey: ['products', query],
    queryFn: () => api<{ items: Product[]; total: number }>(`/products?${search(query)}`),
    // Keeps the last results on screen while the next keystroke's search is on its way.
    placeholderData: keepPreviousData,
  });

export const useCategories = () =>
  useQuery({
    queryKey: ['categories'],
    queryFn: () => api<Items<Category>>('/categories').then((r) => r.items),
  });

export type NewProduct = {
  sku: string;
  title: string;
  description?: string;
  category: string;
  kind: ProductKind;
  priceFen: number;
  stock: number;
  weightGrams: number;
};

function useCatalogWrite<V, R>(write: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['products'] }),
        client.invalidateQueries({ queryKey: ['categories'] }),
        client.invalidateQueries({ queryKey: ['promotions'] }),
      ]),
  });
}

export const useCreateProduct = () => useCatalogWrite((p: NewProduct) => post<Product>('/products', p));

export type ProductChange = { priceFen?: number; stock?: number; status?: ProductStatus };
export const useUpdateProduct = () =>
  useCatalogWrite(({ id, change }: { id: string; change: ProductChange }) =>
    api<Product>(`/products/${encodeURIComponent(id)}`, { method: 'PATCH', body: change }),
  );

export const usePromotions = (countyId?: string) =>
  useQuery({
    queryKey: ['promotions', countyId ?? 'all'],
    queryFn: () => api<Items<Promotion>>(`/promotions?${search({ countyId })}`).then((r) => r.items),
  });

export type NewPromotion = {
  name: string;
  type: PromotionType;
  value: number;
  productIds?: string[];
  categories?: string[];
  countyIds?: string[];
  startsAt: string;
  endsAt: string;
  budgetFen?: number;
};

export const useCreatePromotion = () =>
  useCatalogWrite((p: NewPromotion) => post<Promotion>('/promotions', p));

export const useEndPromotion = () =>
  useCatalogWrite((id: string) => post<Promotion>(`/promotions/${encodeURIComponent(id)}/end`));
