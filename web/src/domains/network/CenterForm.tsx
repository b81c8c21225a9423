import { Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { newCenterSubmission, useCreateCenter } from './api';
import type { Village } from './types';

type Fields = { villageId: string; name: string; address: string };

/** Plans a new centre in one of the county's villages; a village may have several. */
export function CenterForm({ countyId, villages }: { countyId: string; villages: Village[] }) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const create = useCreateCenter(countyId);
  const [form] = Form.useForm<Fields>();

  const submit = (f: Fields) =>
    create.mutate(
      newCenterSubmission({ villageId: f.villageId, name: f.name.trim(), address: f.address.trim() }),
      {
        onSuccess: (center) => {
          message.success(t('centers.created', { name: center.name }));
          form.resetFields();
        },
        onError: (error) => message.error(errorText(error), 6),
      },
    );

  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  return (
    <Form<Fields> form={form} layout="vertical" onFinish={submit} data-testid="center-form">
      <Form.Item
        name="villageId"
        label={t('centers.village')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('centers.pickVillage')}
          options={villages.map((v) => ({ value: v.id, label: v.name }))}
          data-testid="center-village"
        />
      </Form.Item>
      <Form.Item name="name" label={t('centers.name')} rules={required}>
        <Input maxLength={100} placeholder={t('centers.namePlaceholder')} />
      </Form.Item>
      <Form.Item name="address" label={t('centers.address')} rules={required}>
        <Input maxLength={300} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="center-submit">
        {t('centers.create')}
      </Button>
    </Form>
  );
}
