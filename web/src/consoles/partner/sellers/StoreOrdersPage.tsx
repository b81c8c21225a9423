import { Alert, Button, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCollectStoreOrder, useStoreOrders } from '../../../domains/upstream/api';
import { StoreOrderStatusTag } from '../../../domains/upstream/StatusTags';
import type { StoreOrder, StoreOrderStatus } from '../../../domains/upstream/types';
import { useErrorText } from '../../../ui/errors';
import { useMessage } from '../../../ui/feedback';
import { formatDateTime, shortId } from '../../../ui/format';
import { formatFen } from '../../../ui/money';
import { QueryView } from '../../../ui/QueryView';
import { muted, panel } from '../panel';

function OrderTable({ status }: { status: StoreOrderStatus }) {
  const { t } = useTranslation();
  const orders = useStoreOrders(status);
  const collect = useCollectStoreOrder();
  const message = useMessage();
  const errorText = useErrorText();
  const [collecting, setCollecting] = useState<string>();
  return (
    <QueryView query={orders}>
      {(items) => (
        <Table<StoreOrder>
          rowKey="id"
          size="middle"
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid={`store-orders-${status}`}
          locale={{ emptyText: t('sellers.noStoreOrders') }}
          scroll={{ x: true }}
          columns={[
            { key: 'id', title: t('sellers.order'), render: (_, o) => shortId(o.id) },
            {
              key: 'lines',
              title: t('store.product'),
              render: (_, o) => o.lines.map((l) => `${l.title} × ${l.quantity}`).join('，'),
            },
            { key: 'total', title: t('sellers.gross'), render: (_, o) => formatFen(o.totalFen) },
            { key: 'weight', title: t('listings.weightGrams'), dataIndex: 'weightGrams' },
            { key: 'at', title: t('store.placedAt'), render: (_, o) => formatDateTime(o.createdAt) },
            {
              key: 'status',
              title: t('listings.statusLabel'),
              render: (_, o) =>
                o.trackingNumber ? (
                  <Space direction="vertical" size={0}>
                    <StoreOrderStatusTag status={o.status} />
                    <code>{o.trackingNumber}</code>
                  </Space>
                ) : (
                  <StoreOrderStatusTag status={o.status} />
                ),
            },
            {
              key: 'action',
              render: (_, o) =>
                o.status === 'placed' && (
                  <Button
                    type="primary"
                    size="small"
                    data-testid="collect-order"
                    loading={collect.isPending && collecting === o.id}
                    onClick={() => {
                      setCollecting(o.id);
                      collect.mutate(o.id, {
                        onSuccess: (r) =>
                          message.success(t('sellers.collected', { tracking: r.trackingNumber })),
                        onError: (e) => message.error(errorText(e)),
                      });
                    }}
                  >
                    {t('sellers.collect')}
                  </Button>
                ),
            },
          ]}
        />
      )}
    </QueryView>
  );
}

/**
 * Storefront orders of the centre's sellers. Collecting takes the goods from the seller and
 * makes the parcel; the next van takes it with a "hand to driver" scan on the arrivals page.
 */
export default function StoreOrdersPage() {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <section style={panel}>
        <h3 style={{ marginTop: 0 }}>{t('sellers.toCollect')}</h3>
        <p style={muted}>{t('sellers.collectHint')}</p>
        <OrderTable status="placed" />
      </section>
      <section style={panel}>
        <h3 style={{ marginTop: 0 }}>{t('sellers.collectedOrders')}</h3>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <span>
              {t('sellers.handOverHint')} <Link to="/partner/arrivals">{t('partner.nav.arrival')}</Link>
            </span>
          }
        />
        <OrderTable status="collected" />
      </section>
    </Space>
  );
}
