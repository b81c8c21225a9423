import { Alert, Button, Radio } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../../api/auth';
import { ApiError } from '../../../api/client';
import { newIdempotencyKey } from '../../../api/ids';
import { useFloat } from '../../../domains/ledger/api';
import { usePlaceOrder } from '../../../domains/orders/api';
import type { Order, Payment } from '../../../domains/orders/types';
import { useWallet } from '../../../domains/villagers/api';
import { useErrorText } from '../../../ui/errors';
import { formatFen } from '../../../ui/money';
import type { Cart } from './cart';

type Props = { cart: Cart; villagerId: string | undefined; onPlaced: (order: Order) => void };

/** Payment choice and the one button that turns the basket into an order. */
export function Checkout({ cart, villagerId, onPlaced }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const user = useUser();
  const [payment, setPayment] = useState<Payment>('float');
  const float = useFloat(user.centerId ?? '');
  const wallet = useWallet(villagerId);
  const place = usePlaceOrder();
  // One key per checkout attempt: pressing again after a lost answer replays the same order.
  const attempt = useRef<{ body: string; key: string } | null>(null);

  const explain = (error: unknown): string => {
    if (error instanceof ApiError && error.code === 'insufficient_stock') {
      const d = error.details as { productId?: string; available?: number } | null;
      const line = cart.lines.find((l) => l.product.id === d?.productId);
      if (line && d?.available !== undefined)
        return t('checkout.stockShort', { title: line.product.title, count: d.available });
    }
    if (error instanceof ApiError && error.code === 'insufficient_funds') {
      const d = error.details as { availableFen?: number; requiredFen?: number } | null;
      if (d?.availableFen !== undefined && d.requiredFen !== undefined)
        return t(`checkout.fundsShort.${payment}`, {
          available: formatFen(d.availableFen),
          required: formatFen(d.requiredFen),
        });
    }
    return errorText(error);
  };

  const submit = () => {
    if (!villagerId || cart.lines.length === 0) return;
    const body = {
      villagerId,
      lines: cart.lines.map((l) => ({ productId: l.product.id, quantity: l.quantity })),
      payment,
    };
    const signature = JSON.stringify(body);
    if (attempt.current?.body !== signature) attempt.current = { body: signature, key: newIdempotencyKey() };
    place.mutate(
      { ...body, idempotencyKey: attempt.current.key },
      {
        onSuccess: (order) => {
          attempt.current = null;
          onPlaced(order);
        },
      },
    );
  };

  const balance = (fen: number | undefined) => (fen === undefined ? '…' : formatFen(fen));
  const missing = !villagerId
    ? t('checkout.needVillager')
    : cart.lines.length === 0
      ? t('checkout.needGoods')
      : null;

  return (
    <div data-testid="checkout">
      <div style={{ marginBottom: 12 }}>
        <div style={{ marginBottom: 4 }}>{t('checkout.payment')}</div>
        <Radio.Group
          value={payment}
          onChange={(e) => setPayment(e.target.value)}
          data-testid="payment"
          options={[
            { value: 'float', label: `${t('payment.float')}（${balance(float.data?.balanceFen)}）` },
            {
              value: 'wallet',
              label: `${t('payment.wallet')}（${villagerId ? balance(wallet.data?.balanceFen) : '—'}）`,
            },
          ]}
        />
      </div>
      {place.isError && (
        <Alert
          type="error"
          showIcon
          title={explain(place.error)}
          style={{ marginBottom: 12 }}
          data-testid="checkout-error"
        />
      )}
      <Button
        type="primary"
        size="large"
        block
        disabled={missing !== null}
        loading={place.isPending}
        onClick={submit}
        data-testid="place-order"
      >
        {missing ?? t('checkout.place', { total: formatFen(cart.totals.totalFen) })}
      </Button>
    </div>
  );
}
