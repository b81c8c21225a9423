import { Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { type NewTicket, ticketCategories, ticketPriorities, useOpenTicket } from './api';

/** A partner asks its county centre for help. */
export function TicketForm() {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const open = useOpenTicket();
  const [form] = Form.useForm<NewTicket>();
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  return (
    <Form<NewTicket>
      form={form}
      layout="vertical"
      initialValues={{ category: 'hardware', priority: 'normal' }}
      onFinish={(f) =>
        open.mutate(
          { ...f, subject: f.subject.trim(), body: f.body.trim() },
          {
            onSuccess: () => {
              message.success(t('support.opened'));
              form.resetFields();
            },
            onError: (error) => message.error(errorText(error), 6),
          },
        )
      }
      data-testid="ticket-form"
    >
      <Form.Item name="category" label={t('support.category')}>
        <Select options={ticketCategories.map((c) => ({ value: c, label: t(`support.categories.${c}`) }))} />
      </Form.Item>
      <Form.Item name="priority" label={t('support.priority')}>
        <Select options={ticketPriorities.map((p) => ({ value: p, label: t(`support.priorities.${p}`) }))} />
      </Form.Item>
      <Form.Item name="subject" label={t('support.subject')} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="body" label={t('support.body')} rules={required}>
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={open.isPending}>
        {t('support.open')}
      </Button>
    </Form>
  );
}
