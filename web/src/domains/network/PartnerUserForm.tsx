import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { useCreatePartner } from './api';

type Fields = { displayName: string; login: string; password: string };

/** Creates a partner account of this county; it then appears in the centres' partner picker. */
export function PartnerUserForm({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const create = useCreatePartner(countyId);
  const [form] = Form.useForm<Fields>();

  const submit = (f: Fields) =>
    create.mutate(
      { displayName: f.displayName.trim(), login: f.login.trim(), password: f.password },
      {
        onSuccess: (user) => {
          message.success(t('partners.created', { name: user.displayName }));
          form.resetFields();
        },
        onError: (error) => message.error(errorText(error), 6),
      },
    );

  return (
    <Form<Fields> form={form} layout="vertical" onFinish={submit} data-testid="partner-form">
      <Form.Item
        name="displayName"
        label={t('partners.displayName')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="login"
        label={t('partners.login')}
        rules={[
          { required: true, message: t('common.required') },
          { pattern: /^[A-Za-z0-9._@+-]{3,64}$/, message: t('partners.loginRule') },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('partners.password')}
        rules={[
          { required: true, message: t('common.required') },
          { min: 8, message: t('partners.passwordRule') },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button htmlType="submit" loading={create.isPending} data-testid="partner-submit">
        {t('partners.create')}
      </Button>
    </Form>
  );
}
