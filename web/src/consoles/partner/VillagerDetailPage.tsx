import { Button, Card, Descriptions, Form, InputNumber, Statistic } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { newIdempotencyKey } from '../../api/ids';
import { useOrders } from '../../domains/orders/api';
import { OrderTable } from '../../domains/orders/OrderTable';
import { useTopUp, useVillager, useWallet } from '../../domains/villagers/api';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { formatDate, shortId } from '../../ui/format';
import { formatFen, yuanToFen } from '../../ui/money';
import { QueryView } from '../../ui/QueryView';

/** Cash the villager hands over goes into the wallet; the partner's float pays for it. */
function TopUpForm({ villagerId }: { villagerId: string }) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const topUp = useTopUp();
  const [form] = Form.useForm<{ amount: number }>();
  const attempt = useRef<{ amountFen: number; key: string } | null>(null);

  const submit = ({ amount }: { amount: number }) => {
    const amountFen = yuanToFen(amount);
    if (attempt.current?.amountFen !== amountFen) attempt.current = { amountFen, key: newIdempotencyKey() };
    topUp.mutate(
      { villagerId, amountFen, idempotencyKey: attempt.current.key },
      {
        onSuccess: (r) => {
          attempt.current = null;
          message.success(t('wallet.toppedUp', { balance: formatFen(r.balanceFen) }));
          form.resetFields();
        },
        onError: (error) => message.error(errorText(error), 6),
      },
    );
  };

  return (
    <Form form={form} layout="inline" onFinish={submit} data-testid="topup-form">
      <Form.Item
        name="amount"
        label={t('wallet.amount')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber min={0.01} max={1_000_000} precision={2} prefix="¥" style={{ width: 160 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={topUp.isPending}>
        {t('wallet.topUp')}
      </Button>
    </Form>
  );
}

export default function VillagerDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const villager = useVillager(id);
  const wallet = useWallet(id);
  const orders = useOrders({ villagerId: id });

  return (
    <QueryView query={villager}>
      {(v) => (
        <>
          <Card title={v.name} style={{ marginBottom: 24 }}>
            <Descriptions
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'phone', label: t('villagers.phone'), children: v.phone },
                { key: 'since', label: t('villagers.since'), children: formatDate(v.createdAt) },
              ]}
            />
            <Statistic
              title={t('wallet.balance')}
              value={wallet.data ? formatFen(wallet.data.balanceFen) : '…'}
              style={{ marginBottom: 16 }}
              data-testid="wallet-balance"
            />
            <TopUpForm villagerId={v.id} />
          </Card>
          <Card title={t('villagers.orders')}>
            <QueryView query={orders}>
              {(items) => (
                <OrderTable
                  orders={items}
                  link={(o) => (
                    <Link to={`/partner/orders/${encodeURIComponent(o.id)}`}>{shortId(o.id)}</Link>
                  )}
                />
              )}
            </QueryView>
          </Card>
        </>
      )}
    </QueryView>
  );
}
