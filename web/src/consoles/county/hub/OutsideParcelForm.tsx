import { Button, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../../api/ids';
import { useRegisterParcel } from '../../../domains/logistics/api';
import type { Center } from '../../../domains/network/types';
import { useErrorText } from '../../../ui/errors';
import { useMessage } from '../../../ui/feedback';

type Fields = {
  trackingNumber: string;
  carrier: string;
  recipientPhone: string;
  centerId: string;
  weightKg?: number;
};

/** An outside carrier's parcel, registered so the hub can scan and route it like any other. */
export function OutsideParcelForm({ centers }: { centers: Center[] }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const register = useRegisterParcel();
  const message = useMessage();
  const errorText = useErrorText();
  // One key per filled-in form, so resubmitting after a lost answer does not register twice.
  const [key, setKey] = useState(newIdempotencyKey);

  const submit = ({ weightKg, ...fields }: Fields) =>
    register.mutate(
      { ...fields, ...(weightKg ? { weightGrams: Math.round(weightKg * 1000) } : {}), idempotencyKey: key },
      {
        onSuccess: (p) => {
          message.success(t('hub.parcelRegistered', { trackingNumber: p.trackingNumber }));
          form.resetFields();
          setKey(newIdempotencyKey());
        },
        onError: (e) => message.error(errorText(e)),
      },
    );

  return (
    <Form form={form} layout="inline" onFinish={submit} onValuesChange={() => setKey(newIdempotencyKey())}>
      <Form.Item
        name="trackingNumber"
        label={t('parcels.trackingNumber')}
        rules={[
          { required: true, pattern: /^[A-Za-z0-9-]{4,40}$/, message: t('parcels.trackingNumberHint') },
        ]}
      >
        <Input style={{ width: 180 }} />
      </Form.Item>
      <Form.Item
        name="carrier"
        label={t('parcels.carrier')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Input style={{ width: 120 }} />
      </Form.Item>
      <Form.Item
        name="recipientPhone"
        label={t('parcels.recipientPhone')}
        rules={[{ required: true, pattern: /^1[3-9][0-9]{9}$/, message: t('parcels.phoneHint') }]}
      >
        <Input style={{ width: 140 }} inputMode="tel" />
      </Form.Item>
      <Form.Item
        name="centerId"
        label={t('parcels.center')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Select
          style={{ width: 180 }}
          showSearch
          optionFilterProp="label"
          options={centers.map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
      <Form.Item name="weightKg" label={t('parcels.weightKg')}>
        <InputNumber min={0.001} max={1000} style={{ width: 100 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={register.isPending}>
          {t('hub.register')}
        </Button>
      </Form.Item>
    </Form>
  );
}
