import { Table } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, shortId } from '../../ui/format';
import { formatFen } from '../../ui/money';
import { OrderStatusTag } from './OrderStatusTag';
import { type Order, orderStatuses } from './types';

type Props = {
  orders: Order[];
  /** Turns the order number into a link, for consoles that have an order page. */
  link?: (order: Order) => ReactNode;
  villagerName?: (villagerId: string) => string | undefined;
};

export function OrderTable({ orders, link, villagerName }: Props) {
  const { t } = useTranslation();
  return (
    <Table<Order>
      rowKey="id"
      size="middle"
      dataSource={orders}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      data-testid="order-table"
      columns={[
        { key: 'id', title: t('orders.number'), render: (_, o) => (link ? link(o) : shortId(o.id)) },
        { key: 'createdAt', title: t('orders.createdAt'), render: (_, o) => formatDateTime(o.createdAt) },
        ...(villagerName
          ? [
              {
                key: 'villager',
                title: t('orders.villager'),
                render: (_: unknown, o: Order) => villagerName(o.villagerId) ?? '—',
              },
            ]
          : []),
        {
          key: 'goods',
          title: t('orders.goods'),
          render: (_, o) => o.lines.map((l) => `${l.title} ×${l.quantity}`).join('，'),
        },
        {
          key: 'total',
          title: t('orders.total'),
          align: 'right',
          render: (_, o) => formatFen(o.totalFen),
        },
        {
          key: 'status',
          title: t('orders.status'),
          render: (_, o) => <OrderStatusTag status={o.status} />,
          filters: orderStatuses.map((s) => ({ text: t(`orderStatus.${s}`), value: s })),
          onFilter: (value, o) => o.status === value,
        },
      ]}
    />
  );
}
