import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, post } from '../../api/client';
import type { Items, User } from '../../api/types';
import type {
  Listing,
  ListingStatus,
  NewListing,
  NewSeller,
  Photo,
  Seller,
  SellerStatement,
  ShipTo,
  StoreOrder,
  StoreOrderStatus,
  StoreProductPage,
} from './types';

const q = encodeURIComponent;

/** Every upstream write may change sellers, listings and storefront orders; refetching is cheap. */
function useUpstreamWrite<V, R>(write: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () =>
      Promise.all(
        ['sellers', 'listings', 'store-products', 'store-orders', 'parcels'].map((key) =>
          client.invalidateQueries({ queryKey: [key] }),
        ),
      ),
  });
}

/** Storefront products, newest first, or those matching Chinese, pinyin or initials. */
export const useStoreProducts = (text: string, limit = 40) =>
  useQuery({
    queryKey: ['store-products', text, limit],
    queryFn: () => {
      const s = new URLSearchParams({ limit: String(limit) });
      if (text) s.set('q', text);
      return api<{ items: Listing[]; total: number }>(`/store/products?${s}`, { anonymous: true });
    },
    placeholderData: keepPreviousData,
  });

export const useStoreProduct = (id: string) =>
  useQuery({
    queryKey: ['store-products', 'page', id],
    queryFn: () => api<StoreProductPage>(`/store/products/${q(id)}`, { anonymous: true }),
  });

export const useSignUp = () =>
  useMutation({
    mutationFn: (v: { login: string; password: string; displayName: string }) =>
      api<User>('/store/accounts', { method: 'POST', body: v, anonymous: true }),
  });

export const useStoreOrders = (status?: StoreOrderStatus) =>
  useQuery({
    queryKey: ['store-orders', status ?? 'all'],
    queryFn: () =>
      api<Items<StoreOrder>>(`/store/orders?limit=100${status ? `&status=${status}` : ''}`).then(
        (r) => r.items,
      ),
  });

export const useStoreOrder = (id: string) =>
  useQuery({
    queryKey: ['store-orders', 'one', id],
    queryFn: () => api<StoreOrder>(`/store/orders/${q(id)}`),
  });

export type NewStoreOrder = {
  lines: Array<{ productId: string; quantity: number }>;
  shipTo: ShipTo;
  /** Kept by the caller across retries, so a lost answer never pays twice. */
  idempotencyKey: string;
};

export const usePlaceStoreOrder = () =>
  useUpstreamWrite(({ idempotencyKey, ...body }: NewStoreOrder) =>
    post<StoreOrder>('/store/orders', body, { 'idempotency-key': idempotencyKey }),
  );

export const useCancelStoreOrder = () =>
  useUpstreamWrite((id: string) => post<StoreOrder>(`/store/orders/${q(id)}/cancel`));

/**
 * The partner takes the goods from the seller: the order becomes an outbound parcel. A second
 * press after a lost answer is refused as a conflict, and the refetched list shows the parcel.
 */
export const useCollectStoreOrder = () =>
  useUpstreamWrite((id: string) =>
    post<{ parcelId: string; trackingNumber: string }>(`/orders/${q(id)}/collect`),
  );

export const useSellers = () =>
  useQuery({ queryKey: ['sellers'], queryFn: () => api<Items<Seller>>('/sellers').then((r) => r.items) });

export const useSeller = (id: string) =>
  useQuery({ queryKey: ['sellers', id], queryFn: () => api<Seller>(`/sellers/${q(id)}`) });

export const useCreateSeller = () => useUpstreamWrite((v: NewSeller) => post<Seller>('/sellers', v));

export const useSellerListings = (sellerId: string) =>
  useQuery({
    queryKey: ['listings', 'seller', sellerId],
    queryFn: () => api<Items<Listing>>(`/sellers/${q(sellerId)}/products`).then((r) => r.items),
  });

export const useListForSeller = (sellerId: string) =>
  useUpstreamWrite((v: NewListing) => post<Listing>(`/sellers/${q(sellerId)}/products`, v));

export const useSellerStatement = (sellerId: string) =>
  useQuery({
    queryKey: ['sellers', sellerId, 'statement'],
    queryFn: () => api<SellerStatement>(`/sellers/${q(sellerId)}/statement`),
  });

export const useListings = (status?: ListingStatus) =>
  useQuery({
    queryKey: ['listings', status ?? 'all'],
    queryFn: () => api<Items<Listing>>(`/listings${status ? `?status=${status}` : ''}`).then((r) => r.items),
  });

export type Review =
  | { productId: string; approve: true }
  | { productId: string; approve: false; reason: string };

export const useReviewListing = () =>
  useUpstreamWrite((r: Review) =>
    r.approve
      ? post<Listing>(`/products/${q(r.productId)}/approve`)
      : post<Listing>(`/products/${q(r.productId)}/reject`, { reason: r.reason }),
  );

/** The partner adds a photo (the picture file as it is) to one of a seller's products. */
export const useUploadPhoto = () =>
  useUpstreamWrite((v: { productId: string; file: File }) =>
    api<Photo>(`/products/${q(v.productId)}/photos`, { method: 'POST', body: v.file }),
  );
