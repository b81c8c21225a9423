import { Alert, Button, Card, Descriptions, Popconfirm, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCancelStoreOrder, useStoreOrder } from '../domains/upstream/api';
import { StoreOrderStatusTag } from '../domains/upstream/StatusTags';
import type { StoreOrder } from '../domains/upstream/types';
import { useErrorText } from '../ui/errors';
import { formatDateTime, shortId } from '../ui/format';
import { formatFen } from '../ui/money';
import { QueryView } from '../ui/QueryView';

type Line = StoreOrder['lines'][number];

/** One order: what, where to, how far it has come; cancellable until the partner collects it. */
export default function MyOrderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const order = useStoreOrder(id);
  const cancel = useCancelStoreOrder();
  const errorText = useErrorText();

  return (
    <QueryView query={order}>
      {(o) => (
        <Card
          title={t('store.orderTitle', { id: shortId(o.id) })}
          extra={<StoreOrderStatusTag status={o.status} />}
          data-testid="my-order-detail"
        >
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Table<Line>
              rowKey="productId"
              size="small"
              pagination={false}
              dataSource={o.lines}
              columns={[
                { key: 'title', title: t('store.product'), dataIndex: 'title' },
                { key: 'quantity', title: t('store.quantity'), dataIndex: 'quantity' },
                { key: 'price', title: t('store.price'), render: (_, l) => formatFen(l.unitPriceFen) },
              ]}
            />
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('store.totalPaid')}>{formatFen(o.totalFen)}</Descriptions.Item>
              <Descriptions.Item label={t('store.placedAt')}>{formatDateTime(o.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('store.shipTo')}>
                {`${o.shipTo.name} ${o.shipTo.phone} ${o.shipTo.address}`}
              </Descriptions.Item>
              <Descriptions.Item label={t('store.trackingNumber')}>
                {o.trackingNumber ? (
                  <span>
                    <Link to={`/track?n=${encodeURIComponent(o.trackingNumber)}`} data-testid="tracking-link">
                      {o.trackingNumber}
                    </Link>{' '}
                    <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('store.trackHint')}</span>
                  </span>
                ) : (
                  t('store.notCollectedYet')
                )}
              </Descriptions.Item>
              {o.deliveredAt && (
                <Descriptions.Item label={t('store.deliveredAt')}>
                  {formatDateTime(o.deliveredAt)}
                </Descriptions.Item>
              )}
            </Descriptions>
            {cancel.isError && <Alert type="error" showIcon title={errorText(cancel.error)} />}
            {o.status === 'placed' && (
              <Popconfirm
                title={t('store.cancelConfirm')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => cancel.mutateAsync(o.id)}
              >
                <Button danger loading={cancel.isPending} data-testid="cancel-order">
                  {t('store.cancelOrder')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        </Card>
      )}
    </QueryView>
  );
}
