import { Button, Checkbox, Form, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { formatDateTime } from '../../ui/format';
import { QueryView } from '../../ui/QueryView';
import { useRecordAttendance, useSession } from './api';
import type { Attendance, Certification } from './types';

type Fields = { userId: string; passed?: boolean; score?: number | null };

/** Who attended a session and their exam result; county staff record new attendees. */
export function SessionAttendance({
  countyId,
  sessionId,
  partners,
  canRecord,
}: {
  countyId: string;
  sessionId: string;
  partners: Certification[];
  canRecord: boolean;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const session = useSession(sessionId);
  const record = useRecordAttendance(countyId, sessionId);
  const [form] = Form.useForm<Fields>();
  const names = new Map(partners.map((p) => [p.userId, p.displayName]));

  const submit = (f: Fields) =>
    record.mutate(
      { userId: f.userId, passed: Boolean(f.passed), ...(f.score == null ? {} : { score: f.score }) },
      {
        onSuccess: (a) => {
          message.success(
            a.certificateId ? t('training.certificateIssued') : t('training.attendanceRecorded'),
          );
          form.resetFields();
        },
        onError: (error) => message.error(errorText(error), 6),
      },
    );

  return (
    <QueryView query={session}>
      {(s) => {
        const recorded = new Set(s.attendance.map((a) => a.userId));
        return (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Table<Attendance>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={s.attendance}
              data-testid="attendance-table"
              columns={[
                {
                  key: 'who',
                  title: t('training.partner'),
                  render: (_, a) => names.get(a.userId) ?? a.userId,
                },
                {
                  key: 'passed',
                  title: t('training.result'),
                  render: (_, a) =>
                    a.passed ? (
                      <Tag color="green">{t('training.passed')}</Tag>
                    ) : (
                      <Tag>{t('training.failed')}</Tag>
                    ),
                },
                { key: 'score', title: t('training.score'), render: (_, a) => a.score ?? '—' },
                {
                  key: 'at',
                  title: t('training.recordedAt'),
                  render: (_, a) => formatDateTime(a.recordedAt),
                },
              ]}
            />
            {canRecord && (
              <Form<Fields> form={form} layout="inline" onFinish={submit} data-testid="attendance-form">
                <Form.Item name="userId" rules={[{ required: true, message: t('common.required') }]}>
                  <Select
                    aria-label={t('training.partner')}
                    placeholder={t('training.partner')}
                    style={{ minWidth: 220 }}
                    showSearch={{ optionFilterProp: 'label' }}
                    options={partners
                      .filter((p) => !recorded.has(p.userId))
                      .map((p) => ({ value: p.userId, label: p.displayName }))}
                  />
                </Form.Item>
                <Form.Item name="passed" valuePropName="checked">
                  <Checkbox>{t('training.passedExam')}</Checkbox>
                </Form.Item>
                <Form.Item name="score">
                  <InputNumber
                    aria-label={t('training.score')}
                    placeholder={t('training.score')}
                    min={0}
                    max={100}
                    precision={0}
                  />
                </Form.Item>
                <Button htmlType="submit" loading={record.isPending} data-testid="attendance-submit">
                  {t('training.record')}
                </Button>
              </Form>
            )}
          </Space>
        );
      }}
    </QueryView>
  );
}
