import { Button, Card, Descriptions, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useCancelOrder, useOrder } from '../../domains/orders/api';
import { OrderStatusTag } from '../../domains/orders/OrderStatusTag';
import {
  cancellable,
  lineTotal,
  type OrderDetail,
  type OrderLine,
  returnable,
} from '../../domains/orders/types';
import { FeatureLockNotice, useFeatureLock } from '../../domains/training/FeatureLock';
import { useVillager } from '../../domains/villagers/api';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { formatDateTime, shortId } from '../../ui/format';
import { formatFen } from '../../ui/money';
import { QueryView } from '../../ui/QueryView';
import { ReturnForm } from './ReturnForm';

function Actions({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const cancel = useCancelOrder();
  const [returning, setReturning] = useState(false);
  const returnsLock = useFeatureLock('returns');
  return (
    <Space wrap style={{ marginTop: 16 }}>
      <Button type="primary" onClick={() => navigate('receipt')} data-testid="print-receipt">
        {t('receipt.open')}
      </Button>
      {cancellable(order) && (
        <Popconfirm
          title={t('orders.confirmCancel')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            cancel.mutate(
              { id: order.id },
              {
                onSuccess: () => message.success(t('orders.cancelled')),
                onError: (error) => message.error(errorText(error), 6),
              },
            )
          }
        >
          <Button danger loading={cancel.isPending} data-testid="cancel-order">
            {t('orders.cancel')}
          </Button>
        </Popconfirm>
      )}
      {returnable(order) && (
        <>
          <Button onClick={() => setReturning(true)} disabled={returnsLock.locked} data-testid="return-order">
            {t('returns.title')}
          </Button>
          <FeatureLockNotice reason={returnsLock.reason} />
          {!returnsLock.locked && (
            <ReturnForm order={order} open={returning} onClose={() => setReturning(false)} />
          )}
        </>
      )}
    </Space>
  );
}

function Detail({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const villager = useVillager(order.villagerId);
  return (
    <>
      <Card
        title={`${t('orders.number')} ${shortId(order.id)}`}
        extra={<OrderStatusTag status={order.status} />}
        style={{ marginBottom: 24 }}
      >
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'villager',
              label: t('orders.villager'),
              children: villager.data ? (
                <Link to={`/partner/villagers/${encodeURIComponent(order.villagerId)}`}>
                  {`${villager.data.name} ${villager.data.phone}`}
                </Link>
              ) : (
                '…'
              ),
            },
            { key: 'at', label: t('orders.createdAt'), children: formatDateTime(order.createdAt) },
            { key: 'payment', label: t('checkout.payment'), children: t(`payment.${order.payment}`) },
            {
              key: 'total',
              label: t('orders.total'),
              children: <strong>{formatFen(order.totalFen)}</strong>,
            },
            { key: 'discount', label: t('cart.discount'), children: formatFen(order.discountFen) },
            { key: 'commission', label: t('orders.commission'), children: formatFen(order.commissionFen) },
          ]}
        />
        <Actions order={order} />
      </Card>
      <Card title={t('orders.goods')} style={{ marginBottom: 24 }}>
        <Table<OrderLine>
          rowKey="productId"
          size="small"
          pagination={false}
          dataSource={order.lines}
          columns={[
            { key: 'title', title: t('receipt.item'), dataIndex: 'title' },
            { key: 'sku', title: 'SKU', dataIndex: 'sku' },
            { key: 'qty', title: t('cart.quantity'), align: 'right', dataIndex: 'quantity' },
            { key: 'returned', title: t('orders.returned'), align: 'right', dataIndex: 'returnedQuantity' },
            {
              key: 'unit',
              title: t('receipt.unitPrice'),
              align: 'right',
              render: (_, l) => formatFen(l.unitPriceFen),
            },
            {
              key: 'total',
              title: t('receipt.amount'),
              align: 'right',
              render: (_, l) => formatFen(lineTotal(l)),
            },
          ]}
        />
      </Card>
      <Card title={t('orders.events')}>
        <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="order-events">
          {order.events.map((e) => (
            <li key={`${e.type}-${e.at}`}>
              {formatDateTime(e.at)} · {t(`orderEvent.${e.type}`, { defaultValue: e.type })}
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}

export default function OrderDetailPage() {
  const { id = '' } = useParams();
  const order = useOrder(id);
  return <QueryView query={order}>{(o) => <Detail order={o} />}</QueryView>;
}
