import { Button, Drawer, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  useHandOff,
  useMarkDelivered,
  useParcelEvents,
  useParcels,
  useResendCode,
} from '../../../domains/logistics/api';
import { ParcelStatusTag } from '../../../domains/logistics/ParcelStatusTag';
import { ParcelTimeline } from '../../../domains/logistics/ParcelTimeline';
import {
  type Parcel,
  type ParcelDirection,
  type ParcelStatus,
  parcelStatuses,
} from '../../../domains/logistics/types';
import { useCenters } from '../../../domains/network/api';
import { useErrorText } from '../../../ui/errors';
import { useMessage } from '../../../ui/feedback';
import { formatDateTime } from '../../../ui/format';
import { QueryView } from '../../../ui/QueryView';

type HandoffFields = { carrier: string; carrierTrackingNumber: string };

/**
 * Every parcel of the county, with its trail and the label to reprint; outbound parcels at
 * the hub are handed to an outside carrier here, and their delivery recorded.
 */
export default function ParcelsPage({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ParcelStatus | undefined>();
  const [direction, setDirection] = useState<ParcelDirection | undefined>();
  const [open, setOpen] = useState<string | null>(null);
  const [handingOff, setHandingOff] = useState<Parcel | null>(null);
  const [form] = Form.useForm<HandoffFields>();
  const parcels = useParcels({ ...(status ? { status } : {}), ...(direction ? { direction } : {}) });
  const handOff = useHandOff();
  const delivered = useMarkDelivered();
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
      />{' '}
      <Select
        allowClear
        placeholder={t('parcels.direction')}
        aria-label={t('parcels.direction')}
        value={direction}
        onChange={setDirection}
        style={{ width: 160, marginBottom: 16 }}
        options={(['inbound', 'outbound'] as const).map((d) => ({
          value: d,
          label: t(`parcels.directions.${d}`),
        }))}
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
                    {p.direction === 'outbound' && p.status === 'at_hub' && (
                      <Button size="small" onClick={() => setHandingOff(p)}>
                        {t('parcels.handoff')}
                      </Button>
                    )}
                    {p.status === 'handed_off' && (
                      <Button
                        size="small"
                        loading={delivered.isPending && delivered.variables === p.id}
                        onClick={() =>
                          delivered.mutate(p.id, {
                            onSuccess: () => message.success(t('parcels.delivered')),
                            onError: (e) => message.error(errorText(e)),
                          })
                        }
                      >
                        {t('parcels.markDelivered')}
                      </Button>
                    )}
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
      <Modal
        open={handingOff !== null}
        title={`${t('parcels.handoffTitle')} · ${handingOff?.trackingNumber ?? ''}`}
        okText={t('parcels.handoff')}
        confirmLoading={handOff.isPending}
        onCancel={() => setHandingOff(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<HandoffFields>
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) =>
            handOff.mutate(
              { parcelId: handingOff!.id, ...v },
              {
                onSuccess: () => {
                  message.success(t('parcels.handedOff'));
                  setHandingOff(null);
                },
                onError: (e) => message.error(errorText(e)),
              },
            )
          }
        >
          <Form.Item
            name="carrier"
            label={t('parcels.handoffCarrier')}
            rules={[{ required: true, max: 100 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="carrierTrackingNumber"
            label={t('parcels.carrierTrackingNumber')}
            rules={[{ required: true, max: 60 }]}
          >
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <Drawer open={open !== null} onClose={() => setOpen(null)} title={open} size={420}>
        <QueryView query={events}>{(items) => <ParcelTimeline events={items} />}</QueryView>
      </Drawer>
    </>
  );
}
