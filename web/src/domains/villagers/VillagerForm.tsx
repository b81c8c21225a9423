import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { useRegisterVillager } from './api';
import { mobilePattern } from './types';

type Fields = { name: string; phone: string };

/**
 * Registers a villager at the partner's centre. A phone already known in the county is not an
 * error for the partner: the villager exists, so `onRegistered` gets that one instead.
 */
export function VillagerForm({ onRegistered }: { onRegistered: (villagerId: string) => void }) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const register = useRegisterVillager();
  const [form] = Form.useForm<Fields>();

  const submit = (f: Fields) =>
    register.mutate(
      { name: f.name.trim(), phone: f.phone.trim() },
      {
        onSuccess: (v) => {
          message.success(t('villagers.registered', { name: v.name }));
          form.resetFields();
          onRegistered(v.id);
        },
        onError: (error) => {
          const existing = (error as ApiError).details as { villagerId?: string } | undefined;
          if (error instanceof ApiError && error.code === 'villager_exists' && existing?.villagerId) {
            message.info(t('villagers.existsPicked'), 6);
            form.resetFields();
            onRegistered(existing.villagerId);
            return;
          }
          message.error(errorText(error), 6);
        },
      },
    );

  return (
    <Form<Fields> form={form} layout="vertical" onFinish={submit} data-testid="villager-form">
      <Form.Item
        name="name"
        label={t('villagers.name')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('villagers.phone')}
        rules={[
          { required: true, message: t('common.required') },
          { pattern: mobilePattern, message: t('villagers.phoneRule') },
        ]}
      >
        <Input maxLength={11} inputMode="numeric" autoComplete="off" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="villager-submit">
        {t('villagers.register')}
      </Button>
    </Form>
  );
}
