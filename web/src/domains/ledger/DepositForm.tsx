import { Button, Form, Input, InputNumber } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/ids';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { formatFen, yuanToFen } from '../../ui/money';
import { useRecordDeposit } from './api';

type Fields = { amount: number; reference: string };

/** County staff record money the partner has paid in; the centre's float rises by it. */
export function DepositForm({ centerId }: { centerId: string }) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const record = useRecordDeposit();
  const [form] = Form.useForm<Fields>();
  // One key per filled-in form: a resubmission after a lost answer cannot record the money twice.
  const attempt = useRef<{ body: string; key: string } | null>(null);

  const submit = (f: Fields) => {
    const body = { centerId, amountFen: yuanToFen(f.amount), reference: f.reference.trim() };
    const signature = JSON.stringify(body);
    if (attempt.current?.body !== signature) attempt.current = { body: signature, key: newIdempotencyKey() };
    record.mutate(
      { ...body, idempotencyKey: attempt.current.key },
      {
        onSuccess: (d) => {
          message.success(t('float.recorded', { balance: formatFen(d.balanceFen) }));
          attempt.current = null;
          form.resetFields();
        },
        onError: (error) => message.error(errorText(error), 6),
      },
    );
  };

  return (
    <Form<Fields> form={form} layout="inline" onFinish={submit} data-testid="deposit-form">
      <Form.Item
        name="amount"
        label={t('float.amountYuan')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber min={0.01} max={10_000_000} precision={2} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item
        name="reference"
        label={t('float.reference')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={100} placeholder={t('float.referenceHint')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="deposit-submit">
        {t('float.record')}
      </Button>
    </Form>
  );
}
