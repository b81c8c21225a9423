import { Card, Empty, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useStoreOrders } from '../domains/upstream/api';
import { StoreOrderStatusTag } from '../domains/upstream/StatusTags';
import { formatDateTime, shortId } from '../ui/format';
import { formatFen } from '../ui/money';
import { QueryView } from '../ui/QueryView';

export default function MyOrdersPage() {
  const { t } = useTranslation();
  const orders = useStoreOrders();
  return (
    <Card title={t('store.myOrders')}>
      <QueryView query={orders}>
        {(items) =>
          items.length === 0 ? (
            <Empty description={t('store.noOrders')} />
          ) : (
            <List
              dataSource={items}
              data-testid="my-orders"
              renderItem={(o) => (
                <List.Item data-testid="my-order" extra={<StoreOrderStatusTag status={o.status} />}>
                  <List.Item.Meta
                    title={
                      <Link to={`/store/orders/${encodeURIComponent(o.id)}`}>
                        {o.lines.map((l) => `${l.title} × ${l.quantity}`).join('，')}
                      </Link>
                    }
                    description={`${shortId(o.id)} · ${formatDateTime(o.createdAt)} · ${formatFen(o.totalFen)}`}
                  />
                </List.Item>
              )}
            />
          )
        }
      </QueryView>
    </Card>
  );
}
