import { Button, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { useAddVillage } from './api';

type Fields = { name: string; lat: number; lon: number; population?: number | null };

export function VillageForm({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const add = useAddVillage(countyId);
  const [form] = Form.useForm<Fields>();

  const submit = ({ name, lat, lon, population }: Fields) =>
    add.mutate(
      { name: name.trim(), lat, lon, ...(population == null ? {} : { population }) },
      {
        onSuccess: (village) => {
          message.success(t('villages.created', { name: village.name }));
          form.resetFields();
        },
        onError: (error) => message.error(errorText(error), 6),
      },
    );

  const coordinate = (min: number, max: number) => [
    { required: true, message: t('common.required') },
    { type: 'number' as const, min, max },
  ];
  return (
    <Form<Fields> form={form} layout="vertical" onFinish={submit} data-testid="village-form">
      <Form.Item
        name="name"
        label={t('villages.name')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <div style={{ display: 'flex', gap: 12 }}>
        <Form.Item name="lat" label={t('geo.lat')} rules={coordinate(-90, 90)} style={{ flex: 1 }}>
          <InputNumber step={0.001} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="lon" label={t('geo.lon')} rules={coordinate(-180, 180)} style={{ flex: 1 }}>
          <InputNumber step={0.001} style={{ width: '100%' }} />
        </Form.Item>
      </div>
      <Form.Item name="population" label={t('villages.population')}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="village-submit">
        {t('villages.create')}
      </Button>
    </Form>
  );
}
