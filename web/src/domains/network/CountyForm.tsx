import { Button, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { type NewCounty, useCreateCounty } from './api';

type Fields = { code: string; name: string; province: string; lat: number; lon: number; address: string };

export function CountyForm() {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const create = useCreateCounty();
  const [form] = Form.useForm<Fields>();

  const submit = (f: Fields) => {
    const county: NewCounty = {
      code: f.code.trim(),
      name: f.name.trim(),
      province: f.province.trim(),
      hub: { lat: f.lat, lon: f.lon, address: f.address.trim() },
    };
    create.mutate(county, {
      onSuccess: (created) => {
        message.success(t('counties.created', { name: created.name }));
        form.resetFields();
      },
      onError: (error) => message.error(errorText(error)),
    });
  };

  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  const coordinate = (min: number, max: number) => [
    { required: true, message: t('common.required') },
    { type: 'number' as const, min, max },
  ];
  return (
    <Form<Fields> form={form} layout="vertical" onFinish={submit} data-testid="county-form">
      <Form.Item
        name="code"
        label={t('counties.code')}
        extra={t('counties.codeHint')}
        rules={[...required, { pattern: /^[A-Za-z0-9_-]+$/, message: t('counties.codeHint') }]}
      >
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item name="name" label={t('counties.name')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="province" label={t('counties.province')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="address" label={t('counties.hubAddress')} rules={required}>
        <Input maxLength={300} />
      </Form.Item>
      <div style={{ display: 'flex', gap: 12 }}>
        <Form.Item name="lat" label={t('geo.lat')} rules={coordinate(-90, 90)} style={{ flex: 1 }}>
          <InputNumber step={0.001} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="lon" label={t('geo.lon')} rules={coordinate(-180, 180)} style={{ flex: 1 }}>
          <InputNumber step={0.001} style={{ width: '100%' }} />
        </Form.Item>
      </div>
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {t('counties.create')}
      </Button>
    </Form>
  );
}
