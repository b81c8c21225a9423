import { Button, DatePicker, Form, Input, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/ids';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { useCountyStaff, useLogVisit, type VisitPurpose, visitPurposes } from './api';

type Fields = {
  centerId: string;
  visitedAt: Dayjs;
  purpose: VisitPurpose;
  partnerPresent?: boolean;
  notes?: string;
  followUps?: Array<{ text: string; dueOn: Dayjs; assigneeId?: string }>;
};

type Props = {
  countyId: string;
  centers: Array<{ id: string; name: string }>;
  /** Logging for one centre (from the leaderboard): the centre is fixed. */
  centerId?: string;
  purpose?: VisitPurpose;
  onLogged?: () => void;
};

/** A visit as the staff member tells it on the way back: when, why, what they saw, what is left to do. */
export function VisitForm({ countyId, centers, centerId, purpose = 'routine', onLogged }: Props) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const log = useLogVisit();
  const staff = useCountyStaff(countyId);
  const [form] = Form.useForm<Fields>();
  const [key, setKey] = useState(newIdempotencyKey);
  const visitedAt = Form.useWatch('visitedAt', form);
  const required = [{ required: true, message: t('common.required') }];

  const submit = (f: Fields) =>
    log.mutate(
      {
        centerId: f.centerId,
        key,
        visit: {
          visitedAt: f.visitedAt.toISOString(),
          purpose: f.purpose,
          ...(f.notes?.trim() ? { notes: f.notes.trim() } : {}),
          ...(f.partnerPresent === undefined ? {} : { partnerPresent: f.partnerPresent }),
          followUps: (f.followUps ?? []).map((u) => ({
            text: u.text.trim(),
            dueOn: u.dueOn.format('YYYY-MM-DD'),
            ...(u.assigneeId ? { assigneeId: u.assigneeId } : {}),
          })),
        },
      },
      {
        onSuccess: () => {
          message.success(t('visits.logged'));
          form.resetFields();
          // The next visit is logged later: its time starts from then, not from when the page opened.
          form.setFieldValue('visitedAt', dayjs());
          setKey(newIdempotencyKey());
          onLogged?.();
        },
        onError: (error) => message.error(errorText(error), 6),
      },
    );

  return (
    <Form<Fields>
      form={form}
      layout="vertical"
      initialValues={{ centerId, purpose, visitedAt: dayjs() }}
      onFinish={submit}
      data-testid="visit-form"
    >
      <Form.Item name="centerId" label={t('visits.center')} rules={required} hidden={centerId !== undefined}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={centers.map((c) => ({ value: c.id, label: c.name }))}
          data-testid="visit-center"
        />
      </Form.Item>
      <Form.Item name="visitedAt" label={t('visits.visitedAt')} rules={required}>
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item name="purpose" label={t('visits.purpose')} rules={required}>
        <Select options={visitPurposes.map((p) => ({ value: p, label: t(`visits.purposes.${p}`) }))} />
      </Form.Item>
      <Form.Item name="partnerPresent" label={t('visits.partnerPresent')}>
        <Radio.Group
          options={[
            { value: true, label: t('visits.present') },
            { value: false, label: t('visits.absent') },
          ]}
        />
      </Form.Item>
      <Form.Item name="notes" label={t('visits.notes')} extra={t('visits.notesHint')}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="visit-notes" />
      </Form.Item>
      <Form.List name="followUps">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 8 }}>
                <Form.Item
                  name={[field.name, 'text']}
                  rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                  noStyle
                >
                  <Input placeholder={t('visits.followUp')} maxLength={500} style={{ width: 220 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'dueOn']} rules={required} noStyle>
                  <DatePicker
                    placeholder={t('visits.dueOn')}
                    disabledDate={(d) => (visitedAt ? d.isBefore(visitedAt, 'day') : false)}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'assigneeId']} noStyle>
                  <Select
                    allowClear
                    placeholder={t('visits.assignee')}
                    style={{ width: 140 }}
                    options={(staff.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
                  />
                </Form.Item>
                <Button size="small" onClick={() => remove(field.name)}>
                  {t('visits.removeFollowUp')}
                </Button>
              </Space>
            ))}
            <Button
              type="dashed"
              onClick={() => add({ dueOn: dayjs().add(7, 'day') })}
              disabled={fields.length >= 20}
              style={{ marginBottom: 16 }}
              data-testid="add-follow-up"
            >
              {t('visits.addFollowUp')}
            </Button>
          </>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" loading={log.isPending} block data-testid="visit-submit">
        {t('visits.log')}
      </Button>
    </Form>
  );
}
