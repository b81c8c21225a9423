import { Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { useCreateSession } from './api';
import type { Course } from './types';

type Fields = { courseId: string; startsAt: string; trainer: string; location?: string };

/** Schedules a session of a course for the county's partners. */
export function SessionForm({ countyId, courses }: { countyId: string; courses: Course[] }) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const create = useCreateSession(countyId);
  const [form] = Form.useForm<Fields>();

  const submit = (f: Fields) =>
    create.mutate(
      {
        courseId: f.courseId,
        // The browser's local time, as the trainer typed it, sent as UTC.
        startsAt: new Date(f.startsAt).toISOString(),
        trainer: f.trainer.trim(),
        ...(f.location?.trim() ? { location: f.location.trim() } : {}),
      },
      {
        onSuccess: () => {
          message.success(t('training.sessionCreated'));
          form.resetFields();
        },
        onError: (error) => message.error(errorText(error), 6),
      },
    );

  return (
    <Form<Fields> form={form} layout="vertical" onFinish={submit} data-testid="session-form">
      <Form.Item
        name="courseId"
        label={t('training.course')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={courses.map((c) => ({
            value: c.id,
            label: c.requiredForOpening ? `${c.title}（${t('training.required')}）` : c.title,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="startsAt"
        label={t('training.startsAt')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item
        name="trainer"
        label={t('training.trainer')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="location" label={t('training.location')}>
        <Input maxLength={200} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="session-submit">
        {t('training.createSession')}
      </Button>
    </Form>
  );
}
