import { Button, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { useSetTargets } from './api';
import type { RolloutTargets } from './types';

type Fields = { counties: number; centers: number; targetDate?: string };

/** HQ sets the national targets: counties with an operations centre, and open village centres. */
export function TargetsForm({ targets }: { targets: RolloutTargets }) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const save = useSetTargets();

  const submit = (f: Fields) =>
    save.mutate(
      { counties: f.counties, centers: f.centers, targetDate: f.targetDate || null },
      {
        onSuccess: () => message.success(t('rollout.targetsSaved')),
        onError: (error) => message.error(errorText(error), 6),
      },
    );

  const whole = { required: true, type: 'integer' as const, min: 1, message: t('rollout.positiveWhole') };
  return (
    <Form<Fields>
      layout="vertical"
      onFinish={submit}
      data-testid="targets-form"
      initialValues={{
        counties: targets.counties,
        centers: targets.centers,
        targetDate: targets.targetDate ?? '',
      }}
    >
      <Form.Item name="counties" label={t('rollout.targetCounties')} rules={[whole]}>
        <InputNumber min={1} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="centers" label={t('rollout.targetCenters')} rules={[whole]}>
        <InputNumber min={1} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="targetDate" label={t('rollout.targetDate')}>
        <Input type="date" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('rollout.saveTargets')}
      </Button>
    </Form>
  );
}
