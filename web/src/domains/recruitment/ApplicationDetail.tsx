import { Alert, Button, Descriptions, Form, Input, List, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { formatDateTime } from '../../ui/format';
import { QueryView } from '../../ui/QueryView';
import { ApplicationStatusTag } from './ApplicationStatusTag';
import { useAddNote, useApplication, useApprove, useReject, useRubrics } from './api';
import { criterionLabel, optionLabel } from './labels';
import type { AnswerValue, Approved, Criterion } from './types';

function answerText(
  t: ReturnType<typeof useTranslation>['t'],
  c: Criterion | undefined,
  key: string,
  v: AnswerValue,
) {
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  const option = c?.kind === 'choice' ? c.options.find((o) => o.value === v) : undefined;
  return option ? optionLabel(t, key, option) : String(v);
}

/** One application: answers and points, interview notes, and the county's decision. */
export function ApplicationDetail({
  id,
  countyId,
  canDecide,
}: {
  id: string;
  countyId: string;
  canDecide: boolean;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const application = useApplication(id);
  const rubrics = useRubrics();
  const addNote = useAddNote(countyId, id);
  const approve = useApprove(countyId, id);
  const reject = useReject(countyId, id);
  const [approved, setApproved] = useState<Approved | null>(null);
  const [noteForm] = Form.useForm<{ body: string }>();
  const [rejectForm] = Form.useForm<{ reason: string }>();
  const [approveForm] = Form.useForm<{ login?: string; password?: string }>();
  const fail = (error: unknown) => message.error(errorText(error), 6);

  return (
    <QueryView query={application}>
      {(a) => {
        const criteria = rubrics.data?.find((r) => r.profile === a.profile)?.criteria ?? [];
        const byKey = new Map(criteria.map((c) => [c.key, c]));
        const points = new Map(a.breakdown.map((b) => [b.key, b.points]));
        const open = a.status === 'submitted' || a.status === 'interviewed';
        return (
          <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="application-detail">
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('recruitment.name')}>{a.name}</Descriptions.Item>
              <Descriptions.Item label={t('recruitment.phone')}>{a.phone}</Descriptions.Item>
              <Descriptions.Item label={t('recruitment.profile')}>
                {t(`recruitment.profiles.${a.profile}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('recruitment.status.label')}>
                <ApplicationStatusTag status={a.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('recruitment.score')}>
                <strong data-testid="application-score">{a.score}</strong> / {a.maxScore}
              </Descriptions.Item>
              {Object.entries(a.answers).map(([key, value]) => {
                const c = byKey.get(key);
                return (
                  <Descriptions.Item key={key} label={c ? criterionLabel(t, c) : key}>
                    {answerText(t, c, key, value)}
                    {points.has(key) && (
                      <Typography.Text type="secondary">
                        {' '}
                        （{t('recruitment.points', { points: points.get(key) })}）
                      </Typography.Text>
                    )}
                  </Descriptions.Item>
                );
              })}
              {a.rejectReason && (
                <Descriptions.Item label={t('recruitment.rejectReason')}>{a.rejectReason}</Descriptions.Item>
              )}
            </Descriptions>

            {approved && (
              <Alert
                type="success"
                showIcon
                data-testid="approved-account"
                title={t('recruitment.approvedTitle', { center: approved.center.name })}
                description={
                  <>
                    <div>
                      {t('recruitment.login')}:{' '}
                      <strong data-testid="approved-login">{approved.partner.login}</strong>
                    </div>
                    {approved.initialPassword && (
                      <div>
                        {t('recruitment.initialPassword')}:{' '}
                        <strong data-testid="approved-password">{approved.initialPassword}</strong>
                        <Typography.Text type="secondary"> {t('recruitment.passwordOnce')}</Typography.Text>
                      </div>
                    )}
                    <Typography.Text type="secondary" data-testid="approved-sms">
                      {t('recruitment.approvalSms')}
                    </Typography.Text>
                  </>
                }
              />
            )}

            {canDecide && open && (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Form form={approveForm} layout="inline" data-testid="approve-form">
                  <Form.Item
                    name="login"
                    rules={[{ pattern: /^[A-Za-z0-9_.@-]{3,64}$/, message: t('partners.loginRule') }]}
                  >
                    <Input
                      aria-label={t('recruitment.login')}
                      placeholder={t('recruitment.loginDefault', { phone: a.phone })}
                      autoComplete="off"
                    />
                  </Form.Item>
                  <Form.Item name="password" rules={[{ min: 8, message: t('partners.passwordRule') }]}>
                    <Input.Password
                      aria-label={t('recruitment.initialPassword')}
                      placeholder={t('recruitment.passwordDefault')}
                      autoComplete="new-password"
                    />
                  </Form.Item>
                  <Popconfirm
                    title={t('recruitment.confirmApprove', { name: a.name })}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ 'data-testid': 'confirm-ok' }}
                    onConfirm={async () => {
                      // Field errors show under the fields; nothing is sent until they are fixed.
                      const f = await approveForm.validateFields().catch(() => null);
                      if (!f) return;
                      approve.mutate(
                        {
                          ...(f.login?.trim() ? { login: f.login.trim() } : {}),
                          ...(f.password ? { password: f.password } : {}),
                        },
                        { onSuccess: setApproved, onError: fail },
                      );
                    }}
                  >
                    <Button type="primary" loading={approve.isPending} data-testid="application-approve">
                      {t('recruitment.approve')}
                    </Button>
                  </Popconfirm>
                </Form>
                <Form
                  form={rejectForm}
                  layout="inline"
                  onFinish={(f) => reject.mutate(f.reason.trim(), { onError: fail })}
                >
                  <Form.Item
                    name="reason"
                    rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                  >
                    <Input
                      placeholder={t('recruitment.rejectReason')}
                      maxLength={500}
                      aria-label={t('recruitment.rejectReason')}
                    />
                  </Form.Item>
                  <Button
                    danger
                    htmlType="submit"
                    loading={reject.isPending}
                    data-testid="application-reject"
                  >
                    {t('recruitment.reject')}
                  </Button>
                </Form>
              </Space>
            )}

            <div>
              <Typography.Title level={5}>{t('recruitment.notes')}</Typography.Title>
              <List
                size="small"
                dataSource={a.notes}
                locale={{ emptyText: t('recruitment.noNotes') }}
                renderItem={(n) => (
                  <List.Item>
                    <List.Item.Meta
                      title={`${n.authorName} · ${formatDateTime(n.createdAt)}`}
                      description={n.body}
                    />
                  </List.Item>
                )}
              />
              {canDecide && (
                <Form
                  form={noteForm}
                  layout="vertical"
                  onFinish={(f) =>
                    addNote.mutate(f.body.trim(), { onSuccess: () => noteForm.resetFields(), onError: fail })
                  }
                  data-testid="note-form"
                >
                  <Form.Item
                    name="body"
                    rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                  >
                    <Input.TextArea
                      rows={3}
                      maxLength={4000}
                      placeholder={t('recruitment.notePlaceholder')}
                    />
                  </Form.Item>
                  <Button htmlType="submit" loading={addNote.isPending}>
                    {t('recruitment.addNote')}
                  </Button>
                </Form>
              )}
            </div>
          </Space>
        );
      }}
    </QueryView>
  );
}
