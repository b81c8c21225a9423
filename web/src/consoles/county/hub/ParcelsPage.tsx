import { Button, Drawer, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useParcelEvents, useParcels, useResendCode } from '../../../domains/logistics/api';
import { ParcelStatusTag } from '../../../domains/logistics/ParcelStatusTag';
import { ParcelTimeline } from '../../../domains/logistics/ParcelTimeline';
import { type Parcel, type ParcelStatus, parcelStatuses } from '../../../domains/logistics/types';
import { useCenters } from '../../../domains/network/api';
import { useErrorText } from '../../../ui/errors';
import { useMessage } from '../../../ui/feedback';
import { formatDateTime } from '../../../ui/format';
import { QueryView } from '../../../ui/QueryView';

/** Every parcel of the county, with its trail and the label to reprint. */
export default function ParcelsPage({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ParcelStatus | undefined>();
  const [open, setOpen] = useState<string | null>(null);
  const parcels = useParcels(status ? { status } : {});
  const centers = useCenters(countyId);
  const events = useParcelEvents(open);
  const resend = useResendCode();
  const message = useMessage();
  const errorText = useErrorText();
  const centerName = (id: string) => centers.data?.find((c) => c.id === id)?.name ?? id;

  return (
    <>
      <Select
        allowClear
        placeholder={t('parcels.allStatuses')}
        aria-label={t('parcels.status')}
        value={status}
        onChange={setStatus}
        style={{ width: 200, marginBottom: 16 }}
        options={parcelStatuses.map((s) => ({ value: s, label: t(`parcelStatus.${s}`) }))}
      />
      <QueryView query={parcels}>
        {(items) => (
          <Table<Parcel>
            rowKey="id"
            size="small"
            dataSource={items}
            data-testid="parcel-table"
            columns={[
              {
                key: 'tracking',
                title: t('parcels.trackingNumber'),
                render: (_, p) => (
                  <Button type="link" size="small" onClick={() => setOpen(p.trackingNumber)}>
                    {p.trackingNumber}
                  </Button>
                ),
              },
              { key: 'carrier', dataIndex: 'carrier', title: t('parcels.carrier') },
              { key: 'center', title: t('parcels.center'), render: (_, p) => centerName(p.centerId) },
              { key: 'phone', dataIndex: 'recipientPhone', title: t('parcels.recipientPhone') },
              {
                key: 'status',
                title: t('parcels.status'),
                render: (_, p) => <ParcelStatusTag status={p.status} />,
              },
              { key: 'created', title: t('common.createdAt'), render: (_, p) => formatDateTime(p.createdAt) },
              {
                key: 'actions',
                title: '',
                render: (_, p) => (
                  <Space>
                    <Link
                      to={`/county/parcels/${encodeURIComponent(p.trackingNumber)}/label`}
                      state={{ centerId: p.centerId }}
                    >
                      {t('hub.printLabel')}
                    </Link>
                    {p.status === 'ready_for_pickup' && (
                      <Button
                        size="small"
                        loading={resend.isPending && resend.variables === p.id}
                        onClick={() =>
                          resend.mutate(p.id, {
                            onSuccess: () => message.success(t('pickup.codeResent')),
                            onError: (e) => message.error(errorText(e)),
                          })
                        }
                      >
                        {t('pickup.resend')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryView>
      <Drawer open={open !== null} onClose={() => setOpen(null)} title={open} size={420}>
        <QueryView query={events}>{(items) => <ParcelTimeline events={items} />}</QueryView>
      </Drawer>
    </>
  );
}
