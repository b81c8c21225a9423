import { Alert, Button, Card, Empty, Form, Input, InputNumber, Space, Table } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../api/auth';
import { newIdempotencyKey } from '../api/ids';
import { usePlaceStoreOrder } from '../domains/upstream/api';
import type { ShipTo } from '../domains/upstream/types';
import { mobilePattern } from '../domains/villagers/types';
import { useErrorText } from '../ui/errors';
import { useMessage } from '../ui/feedback';
import { formatFen } from '../ui/money';
import { type CartLine, cart, groupByCenter, useCart } from './cart';

function CartTable({ lines }: { lines: CartLine[] }) {
  const { t } = useTranslation();
  return (
    <Table<CartLine>
      rowKey="productId"
      size="small"
      pagination={false}
      dataSource={lines}
      scroll={{ x: true }}
      columns={[
        {
          key: 'title',
          title: t('store.product'),
          render: (_, l) => <Link to={`/store/p/${encodeURIComponent(l.productId)}`}>{l.title}</Link>,
        },
        {
          key: 'price',
          title: t('store.price'),
          render: (_, l) => `${formatFen(l.priceFen)}${l.unit ? ` / ${l.unit}` : ''}`,
        },
        {
          key: 'quantity',
          title: t('store.quantity'),
          render: (_, l) => (
            <InputNumber
              min={1}
              max={10_000}
              size="small"
              value={l.quantity}
              aria-label={t('store.quantity')}
              onChange={(v) => cart.setQuantity(l.productId, v ?? 1)}
            />
          ),
        },
        { key: 'sum', title: t('store.subtotal'), render: (_, l) => formatFen(l.priceFen * l.quantity) },
        {
          key: 'remove',
          render: (_, l) => (
            <Button size="small" type="link" onClick={() => cart.remove([l.productId])}>
              {t('store.remove')}
            </Button>
          ),
        },
      ]}
    />
  );
}

/**
 * The cart, one block per village centre (each becomes its own order and parcel), and the
 * checkout with the shipping address.
 */
export default function CartPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const lines = useCart();
  const groups = groupByCenter(lines);
  const place = usePlaceStoreOrder();
  const navigate = useNavigate();
  const message = useMessage();
  const errorText = useErrorText();
  const [error, setError] = useState<unknown>(null);
  // One key per centre's order, kept until it succeeds, so a retry after a lost answer pays once.
  const keys = useRef(new Map<string, { key: string; body: string }>());

  if (lines.length === 0) {
    return (
      <Card title={t('store.cart')}>
        <Empty description={t('store.cartEmpty')}>
          <Link to="/store">{t('store.keepShopping')}</Link>
        </Empty>
      </Card>
    );
  }

  const checkout = async (shipTo: ShipTo) => {
    setError(null);
    try {
      for (const group of groupByCenter(lines)) {
        const body = {
          lines: group.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
          shipTo: { name: shipTo.name.trim(), phone: shipTo.phone.trim(), address: shipTo.address.trim() },
        };
        const text = JSON.stringify(body);
        const kept = keys.current.get(group.centerId);
        const key = kept && kept.body === text ? kept.key : newIdempotencyKey();
        keys.current.set(group.centerId, { key, body: text });
        await place.mutateAsync({ ...body, idempotencyKey: key });
        keys.current.delete(group.centerId);
        cart.remove(group.lines.map((l) => l.productId));
      }
      message.success(t('store.ordered'));
      navigate('/store/orders');
    } catch (e) {
      setError(e);
    }
  };

  const totalFen = groups.reduce((sum, g) => sum + g.totalFen, 0);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <h2 style={{ margin: '8px 0' }}>{t('store.cart')}</h2>
      {groups.length > 1 && (
        <Alert type="info" showIcon title={t('store.splitHint', { count: groups.length })} />
      )}
      {groups.map((g) => (
        <Card
          key={g.centerId}
          size="small"
          title={t('store.fromVillage', { village: g.village ?? '—' })}
          extra={formatFen(g.totalFen)}
          data-testid="cart-group"
        >
          <CartTable lines={g.lines} />
        </Card>
      ))}
      <Card title={t('store.shipTo')}>
        {user?.role === 'buyer' ? (
          <Form<ShipTo>
            layout="vertical"
            onFinish={checkout}
            requiredMark={false}
            data-testid="checkout-form"
          >
            <Form.Item
              name="name"
              label={t('store.recipient')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input autoComplete="name" maxLength={100} />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t('store.phone')}
              rules={[{ required: true, pattern: mobilePattern, message: t('store.phoneHint') }]}
            >
              <Input autoComplete="tel" inputMode="numeric" maxLength={11} />
            </Form.Item>
            <Form.Item
              name="address"
              label={t('store.address')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input.TextArea autoComplete="street-address" maxLength={300} rows={2} />
            </Form.Item>
            {error !== null && (
              <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />
            )}
            <Space wrap>
              <strong data-testid="cart-total">{t('store.total', { amount: formatFen(totalFen) })}</strong>
              <Button type="primary" htmlType="submit" loading={place.isPending} data-testid="place-order">
                {t('store.placeOrder')}
              </Button>
            </Space>
          </Form>
        ) : (
          <Space wrap>
            <span>{user ? t('store.buyerOnly') : t('store.signInToBuy')}</span>
            {!user && (
              <Link to="/store/login" state={{ from: '/store/cart' }} data-testid="sign-in-to-buy">
                {t('store.signIn')}
              </Link>
            )}
          </Space>
        )}
      </Card>
    </Space>
  );
}
