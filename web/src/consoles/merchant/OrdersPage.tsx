import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrders } from '../../domains/orders/api';
import { OrderTable } from '../../domains/orders/OrderTable';
import { QueryView } from '../../ui/QueryView';

/** Orders holding this merchant's goods; the server limits the list to them. */
export default function OrdersPage() {
  const { t } = useTranslation();
  const orders = useOrders();
  return (
    <Card title={t('merchant.nav.orders')}>
      <QueryView query={orders}>{(items) => <OrderTable orders={items} />}</QueryView>
    </Card>
  );
}
