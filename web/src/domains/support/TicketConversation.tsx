import { Button, Descriptions, Form, Input, List, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { formatDateTime } from '../../ui/format';
import { QueryView } from '../../ui/QueryView';
import { useAssign, useReply, useResolve, useTicket } from './api';
import { TicketStatusTag } from './TicketStatusTag';

/** One ticket's conversation; county staff also take it on and resolve it. */
export function TicketConversation({ id, staffId }: { id: string; staffId?: string | undefined }) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const ticket = useTicket(id);
  const reply = useReply(id);
  const assign = useAssign(id);
  const resolve = useResolve(id);
  const [replyForm] = Form.useForm<{ body: string }>();
  const [resolveForm] = Form.useForm<{ resolution: string }>();
  const fail = (error: unknown) => message.error(errorText(error), 6);
  const required = [{ required: true, whitespace: true, message: t('common.required') }];

  return (
    <QueryView query={ticket}>
      {(tk) => (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="ticket-conversation">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('support.subject')}>{tk.subject}</Descriptions.Item>
            <Descriptions.Item label={t('support.category')}>
              {t(`support.categories.${tk.category}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('support.priority')}>
              {t(`support.priorities.${tk.priority}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('support.statusLabel')}>
              <TicketStatusTag status={tk.status} />
            </Descriptions.Item>
            {tk.resolution && (
              <Descriptions.Item label={t('support.resolution')}>{tk.resolution}</Descriptions.Item>
            )}
          </Descriptions>
          <List
            size="small"
            dataSource={tk.messages}
            renderItem={(m) => (
              <List.Item>
                <List.Item.Meta
                  title={`${m.authorName} · ${t(`roles.${m.authorRole}`)} · ${formatDateTime(m.createdAt)}`}
                  description={m.body}
                />
              </List.Item>
            )}
          />
          {tk.status !== 'resolved' && (
            <Form
              form={replyForm}
              layout="vertical"
              onFinish={(f) =>
                reply.mutate(f.body.trim(), { onSuccess: () => replyForm.resetFields(), onError: fail })
              }
              data-testid="reply-form"
            >
              <Form.Item name="body" rules={required}>
                <Input.TextArea rows={3} maxLength={4000} placeholder={t('support.replyPlaceholder')} />
              </Form.Item>
              <Button htmlType="submit" loading={reply.isPending}>
                {t('support.reply')}
              </Button>
            </Form>
          )}
          {staffId && tk.status !== 'resolved' && (
            <Space wrap align="start">
              {tk.assigneeId !== staffId && (
                <Button loading={assign.isPending} onClick={() => assign.mutate(staffId, { onError: fail })}>
                  {t('support.takeOn')}
                </Button>
              )}
              <Form
                form={resolveForm}
                layout="inline"
                onFinish={(f) => resolve.mutate(f.resolution.trim(), { onError: fail })}
              >
                <Form.Item name="resolution" rules={required}>
                  <Input
                    placeholder={t('support.resolution')}
                    aria-label={t('support.resolution')}
                    maxLength={4000}
                  />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={resolve.isPending}>
                  {t('support.resolve')}
                </Button>
              </Form>
            </Space>
          )}
        </Space>
      )}
    </QueryView>
  );
}
