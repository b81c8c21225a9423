import { Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/ids';
import { useReturnOrder } from '../../domains/orders/api';
import type { Order, Payment } from '../../domains/orders/types';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { formatFen } from '../../ui/money';

type Fields = { quantities: Record<string, number | null>; reason: string; refundTo: Payment };

/** Returns some or all of an order's goods; the refund goes to the float or the villager's wallet. */
export function ReturnForm({ order, open, onClose }: { order: Order; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const returns = useReturnOrder();
  const [form] = Form.useForm<Fields>();
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const openLines = order.lines.filter((l) => l.quantity > l.returnedQuantity);

  const submit = (f: Fields) => {
    const lines = openLines
      .map((l) => ({ productId: l.productId, quantity: f.quantities[l.productId] ?? 0 }))
      .filter((l) => l.quantity > 0);
    if (lines.length === 0) {
      message.warning(t('returns.nothing'));
      return;
    }
    const body = { orderId: order.id, lines, reason: f.reason.trim(), refundTo: f.refundTo };
    const signature = JSON.stringify(body);
    if (attempt.current?.body !== signature) attempt.current = { body: signature, key: newIdempotencyKey() };
    returns.mutate(
      { ...body, idempotencyKey: attempt.current.key },
      {
        onSuccess: (r) => {
          attempt.current = null;
          message.success(t('returns.done', { amount: formatFen(r.refundFen) }));
          onClose();
        },
        onError: (error) => message.error(errorText(error), 6),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('returns.title')}
      okText={t('returns.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={returns.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Fields>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ refundTo: order.payment, quantities: {} }}
      >
        {openLines.map((l) => (
          <Form.Item
            key={l.productId}
            name={['quantities', l.productId]}
            label={`${l.title}（${t('returns.max', { count: l.quantity - l.returnedQuantity })}）`}
          >
            <InputNumber min={0} max={l.quantity - l.returnedQuantity} precision={0} />
          </Form.Item>
        ))}
        <Form.Item
          name="reason"
          label={t('returns.reason')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="refundTo" label={t('returns.refundTo')}>
          <Radio.Group
            options={[
              { value: 'float', label: t('payment.float') },
              { value: 'wallet', label: t('payment.wallet') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
