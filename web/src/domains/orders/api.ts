import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, post } from '../../api/client';
import type { Items } from '../../api/types';
import type { Order, OrderDetail, OrderStatus, Payment, ReturnResult } from './types';

const q = encodeURIComponent;

export const useOrders = (filter: { status?: OrderStatus; villagerId?: string } = {}) =>
  useQuery({
    queryKey: ['orders', filter],
    queryFn: () => {
      const s = new URLSearchParams({ limit: '200' });
      if (filter.status) s.set('status', filter.status);
      if (filter.villagerId) s.set('villagerId', filter.villagerId);
      return api<Items<Order>>(`/orders?${s}`).then((r) => r.items);
    },
  });

export const useOrder = (id: string) =>
  useQuery({ queryKey: ['order', id], queryFn: () => api<OrderDetail>(`/orders/${q(id)}`) });

/** A write that moves money: orders, the float, wallets and the statement all change with it. */
function useMoneyWrite<V, R>(write: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    // Only a lost connection is retried: the idempotency key makes the repeat harmless.
    retry: (count, error) => count < 3 && (error as { status?: number }).status === 0,
    onSuccess: () =>
      Promise.all(
        ['orders', 'order', 'float', 'wallet', 'statement', 'products'].map((key) =>
          client.invalidateQueries({ queryKey: [key] }),
        ),
      ),
  });
}

export type NewOrder = {
  villagerId: string;
  lines: Array<{ productId: string; quantity: number }>;
  payment: Payment;
  idempotencyKey: string;
};

export const usePlaceOrder = () =>
  useMoneyWrite(({ idempotencyKey, ...body }: NewOrder) =>
    post<Order>('/orders', body, { 'idempotency-key': idempotencyKey }),
  );

export const useConfirmOrder = () =>
  useMoneyWrite(({ id, code }: { id: string; code: string }) =>
    post<OrderDetail>(`/orders/${q(id)}/confirm`, { code }),
  );

export const useCancelOrder = () =>
  useMoneyWrite(({ id, reason }: { id: string; reason?: string }) =>
    post<OrderDetail>(`/orders/${q(id)}/cancel`, reason ? { reason } : {}),
  );

export type NewReturn = {
  orderId: string;
  lines: Array<{ productId: string; quantity: number }>;
  reason: string;
  refundTo?: Payment;
  idempotencyKey: string;
};

export const useReturnOrder = () =>
  useMoneyWrite(({ orderId, idempotencyKey, ...body }: NewReturn) =>
    post<ReturnResult>(`/orders/${q(orderId)}/returns`, body, { 'idempotency-key': idempotencyKey }),
  );
