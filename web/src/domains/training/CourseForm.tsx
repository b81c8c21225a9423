import { Button, Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { useCreateCourse } from './api';
import { type GatedFeature, gatedFeatures } from './types';

type Fields = { title: string; description?: string; requiredForOpening?: boolean; unlocks?: GatedFeature[] };

/**
 * HQ adds a national course; a required one gates every new centre's opening, and one that
 * unlocks a feature keeps it from partners until they pass it.
 */
export function CourseForm() {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const create = useCreateCourse();
  const [form] = Form.useForm<Fields>();

  const submit = (f: Fields) =>
    create.mutate(
      {
        title: f.title.trim(),
        requiredForOpening: Boolean(f.requiredForOpening),
        unlocks: f.unlocks ?? [],
        ...(f.description?.trim() ? { description: f.description.trim() } : {}),
      },
      {
        onSuccess: (course) => {
          message.success(t('training.courseCreated', { title: course.title }));
          form.resetFields();
        },
        onError: (error) => message.error(errorText(error), 6),
      },
    );

  return (
    <Form<Fields> form={form} layout="vertical" onFinish={submit} data-testid="course-form">
      <Form.Item
        name="title"
        label={t('training.courseTitle')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="description" label={t('training.description')}>
        <Input.TextArea maxLength={2000} rows={3} />
      </Form.Item>
      <Form.Item name="requiredForOpening" valuePropName="checked">
        <Checkbox>{t('training.requiredForOpening')}</Checkbox>
      </Form.Item>
      <Form.Item name="unlocks" label={t('training.unlocks')} extra={t('training.unlocksHint')}>
        <Checkbox.Group
          options={gatedFeatures.map((f) => ({ value: f, label: t(`training.feature.${f}`) }))}
          data-testid="course-unlocks"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {t('training.createCourse')}
      </Button>
    </Form>
  );
}
