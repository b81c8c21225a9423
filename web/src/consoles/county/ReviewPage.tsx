import { Alert, Button, Card, Input, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useListings, useReviewListing, useSellers } from '../../domains/upstream/api';
import type { Listing } from '../../domains/upstream/types';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { formatDateTime } from '../../ui/format';
import { formatFen } from '../../ui/money';
import { QueryView } from '../../ui/QueryView';

/** The county's review of village products before they reach the storefront. */
export default function ReviewPage() {
  const { t } = useTranslation();
  const queue = useListings('pending_review');
  const sellers = useSellers();
  const review = useReviewListing();
  const message = useMessage();
  const errorText = useErrorText();
  const [rejecting, setRejecting] = useState<Listing | null>(null);
  const [reason, setReason] = useState('');
  const sellerName = (p: Listing) =>
    sellers.data?.find((s) => s.id === p.origin?.sellerId)?.displayName ?? '—';

  const decide = (productId: string, approve: boolean) =>
    review.mutateAsync(approve ? { productId, approve } : { productId, approve, reason: reason.trim() }).then(
      () => {
        message.success(t(approve ? 'listings.approved' : 'listings.rejected'));
        setRejecting(null);
        setReason('');
      },
      (e: unknown) => message.error(errorText(e)),
    );

  return (
    <Card title={t('listings.queue')}>
      <QueryView query={queue}>
        {(items) => (
          <Table<Listing>
            rowKey="id"
            size="middle"
            dataSource={items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="review-table"
            locale={{ emptyText: t('listings.queueEmpty') }}
            scroll={{ x: true }}
            columns={[
              {
                key: 'title',
                title: t('listings.title'),
                render: (_, p) => (
                  <Space direction="vertical" size={0}>
                    <strong>{p.title}</strong>
                    <span style={{ color: 'rgba(0,0,0,0.55)' }}>{p.description}</span>
                  </Space>
                ),
              },
              { key: 'seller', title: t('store.seller'), render: (_, p) => sellerName(p) },
              { key: 'village', title: t('store.place'), render: (_, p) => p.origin?.village ?? '—' },
              {
                key: 'price',
                title: t('listings.price'),
                render: (_, p) => `${formatFen(p.priceFen)}${p.unit ? ` / ${p.unit}` : ''}`,
              },
              { key: 'stock', title: t('listings.stock'), dataIndex: 'stock' },
              {
                key: 'origin',
                title: t('listings.grade'),
                render: (_, p) => [p.origin?.grade, p.origin?.harvestDate].filter(Boolean).join(' · ') || '—',
              },
              { key: 'at', title: t('common.createdAt'), render: (_, p) => formatDateTime(p.createdAt) },
              {
                key: 'actions',
                render: (_, p) => (
                  <Space>
                    <Button
                      type="primary"
                      size="small"
                      data-testid="approve-listing"
                      loading={review.isPending && review.variables?.productId === p.id}
                      onClick={() => decide(p.id, true)}
                    >
                      {t('listings.approve')}
                    </Button>
                    <Button size="small" danger data-testid="reject-listing" onClick={() => setRejecting(p)}>
                      {t('listings.reject')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryView>
      <Modal
        open={rejecting !== null}
        title={t('listings.rejectTitle', { title: rejecting?.title ?? '' })}
        okText={t('listings.reject')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: review.isPending }}
        cancelText={t('common.cancel')}
        onOk={() => rejecting && decide(rejecting.id, false)}
        onCancel={() => setRejecting(null)}
        destroyOnHidden
      >
        <Alert type="info" showIcon title={t('listings.rejectHint')} style={{ marginBottom: 12 }} />
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-label={t('listings.rejectReason')}
        />
      </Modal>
    </Card>
  );
}
