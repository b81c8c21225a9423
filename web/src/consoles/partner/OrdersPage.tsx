import { Card, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrders } from '../../domains/orders/api';
import { OrderTable } from '../../domains/orders/OrderTable';
import { type OrderStatus, orderStatuses } from '../../domains/orders/types';
import { useVillagers } from '../../domains/villagers/api';
import { shortId } from '../../ui/format';
import { QueryView } from '../../ui/QueryView';

export default function OrdersPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<OrderStatus>();
  const orders = useOrders({ status });
  const villagers = useVillagers();
  const names = new Map((villagers.data ?? []).map((v) => [v.id, v.name]));

  return (
    <Card
      title={t('partner.nav.orders')}
      extra={
        <Select
          value={status}
          onChange={setStatus}
          allowClear
          placeholder={t('orders.allStatuses')}
          aria-label={t('orders.status')}
          style={{ width: 160 }}
          options={orderStatuses.map((s) => ({ value: s, label: t(`orderStatus.${s}`) }))}
        />
      }
    >
      <QueryView query={orders}>
        {(items) => (
          <OrderTable
            orders={items}
            villagerName={(id) => names.get(id)}
            link={(o) => <Link to={`/partner/orders/${encodeURIComponent(o.id)}`}>{shortId(o.id)}</Link>}
          />
        )}
      </QueryView>
    </Card>
  );
}
