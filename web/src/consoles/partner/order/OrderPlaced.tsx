import { Alert, Button, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useConfirmOrder } from '../../../domains/orders/api';
import type { Order } from '../../../domains/orders/types';
import { useErrorText } from '../../../ui/errors';
import { shortId } from '../../../ui/format';
import { formatFen } from '../../../ui/money';
import { panel } from '../panel';

/** Asks for the code the villager received where the county wants each order confirmed. */
function ConfirmCode({ order, onConfirmed }: { order: Order; onConfirmed: (o: Order) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const confirm = useConfirmOrder();
  const [code, setCode] = useState('');
  return (
    <div data-testid="confirm-code">
      <Alert
        type="warning"
        showIcon
        title={t('checkout.awaiting')}
        description={t('checkout.awaitingHint')}
      />
      <div style={{ display: 'flex', gap: 8, marginTop: 12, maxWidth: 360 }}>
        <Input
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
          maxLength={6}
          inputMode="numeric"
          placeholder={t('checkout.codePlaceholder')}
          aria-label={t('checkout.code')}
        />
        <Button
          type="primary"
          disabled={code.length !== 6}
          loading={confirm.isPending}
          onClick={() => confirm.mutate({ id: order.id, code }, { onSuccess: onConfirmed })}
        >
          {t('checkout.confirm')}
        </Button>
      </div>
      {confirm.isError && (
        <Alert type="error" showIcon title={errorText(confirm.error)} style={{ marginTop: 12 }} />
      )}
    </div>
  );
}

/** The end of a checkout: the total to collect, the receipt, and the way to the next villager. */
export function OrderPlaced({ order, onNext }: { order: Order; onNext: () => void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState(order);
  const navigate = useNavigate();
  const orderPath = `/partner/orders/${encodeURIComponent(current.id)}`;
  return (
    <section style={{ ...panel, maxWidth: 640 }} data-testid="order-placed">
      {current.status === 'awaiting_confirmation' ? (
        <ConfirmCode order={current} onConfirmed={setCurrent} />
      ) : (
        <Alert
          type="success"
          showIcon
          title={t('checkout.placed')}
          data-testid="order-success"
          description={
            <>
              <div>
                {t('orders.number')}: <span data-testid="order-number">{shortId(current.id)}</span>
              </div>
              <div style={{ fontSize: 20 }}>
                {t('cart.total')}: <strong data-testid="order-total">{formatFen(current.totalFen)}</strong>
                {'  '}({t(`payment.${current.payment}`)})
              </div>
            </>
          }
        />
      )}
      <div style={{ display: 'flex', gap: 8, marginTop: 16, flexWrap: 'wrap' }}>
        {current.status !== 'awaiting_confirmation' && (
          <Button type="primary" onClick={() => navigate(`${orderPath}/receipt`)} data-testid="open-receipt">
            {t('receipt.open')}
          </Button>
        )}
        <Button onClick={() => navigate(orderPath)}>{t('orders.view')}</Button>
        <Button onClick={onNext} data-testid="next-order">
          {t('checkout.next')}
        </Button>
      </div>
    </section>
  );
}
