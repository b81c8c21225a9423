import { Button, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { unitPrice } from '../../../domains/catalog/types';
import { formatFen } from '../../../ui/money';
import { muted } from '../panel';
import type { Cart } from './cart';

const row = { display: 'flex', justifyContent: 'space-between', padding: '2px 0' } as const;

export function CartView({ cart }: { cart: Cart }) {
  const { t } = useTranslation();
  if (cart.lines.length === 0) return <p style={muted}>{t('cart.empty')}</p>;
  const { subtotalFen, discountFen, totalFen } = cart.totals;
  return (
    <div data-testid="cart">
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {cart.lines.map(({ product, quantity }) => (
          <li
            key={product.id}
            style={{
              display: 'flex',
              alignItems: 'center',
              gap: 8,
              padding: '8px 0',
              borderBottom: '1px solid #f0f0f0',
            }}
            data-testid="cart-line"
          >
            <div style={{ flex: 1, minWidth: 0 }}>
              <div>{product.title}</div>
              <div style={{ ...muted, fontSize: 12 }}>{formatFen(unitPrice(product))}</div>
            </div>
            <InputNumber
              min={1}
              max={Math.max(1, product.stock)}
              precision={0}
              value={quantity}
              onChange={(v) => cart.setQuantity(product.id, v ?? 1)}
              style={{ width: 72 }}
              aria-label={t('cart.quantityOf', { title: product.title })}
            />
            <span style={{ width: 96, textAlign: 'right' }}>{formatFen(unitPrice(product) * quantity)}</span>
            <Button size="small" type="text" danger onClick={() => cart.remove(product.id)}>
              {t('cart.remove')}
            </Button>
          </li>
        ))}
      </ul>
      <div style={{ marginTop: 8 }}>
        <div style={row}>
          <span>{t('cart.subtotal')}</span>
          <span>{formatFen(subtotalFen)}</span>
        </div>
        {discountFen > 0 && (
          <div style={{ ...row, color: '#dc2626' }}>
            <span>{t('cart.discount')}</span>
            <span>-{formatFen(discountFen)}</span>
          </div>
        )}
        <div style={{ ...row, fontSize: 18 }}>
          <strong>{t('cart.total')}</strong>
          <strong data-testid="cart-total">{formatFen(totalFen)}</strong>
        </div>
        <div style={{ ...muted, fontSize: 12 }}>{t('cart.estimateHint')}</div>
      </div>
    </div>
  );
}
