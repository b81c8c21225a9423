import { Button, Descriptions, Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServiceQuote } from '../../../domains/services/api';
import { useErrorText } from '../../../ui/errors';
import { fenToYuan, formatFen, yuanToFen } from '../../../ui/money';
import type { FormProps } from './draft';

const utilities = ['electricity', 'water', 'gas'] as const;

/** The bill is looked up first, so the villager sees what is due before paying. */
export function BillForm({ onChange }: FormProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [utility, setUtility] = useState<(typeof utilities)[number]>('electricity');
  const [accountNo, setAccountNo] = useState('');
  const [amountFen, setAmountFen] = useState<number>();
  const quote = useServiceQuote();
  const looked = quote.data;
  const current = looked?.details.accountNo === accountNo && looked.details.utility === utility;

  useEffect(() => {
    if (looked?.amountFen) setAmountFen(looked.amountFen);
  }, [looked]);
  useEffect(() => {
    onChange(
      current && amountFen
        ? { amountFen, details: { utility, accountNo }, feeBps: looked?.feeBps ?? null }
        : null,
    );
  }, [current, amountFen, utility, accountNo, looked, onChange]);

  return (
    <Form layout="vertical" data-testid="bill-form">
      <Form.Item label={t('services.utilityLabel')}>
        <Select
          value={utility}
          onChange={setUtility}
          aria-label={t('services.utilityLabel')}
          options={utilities.map((u) => ({ value: u, label: t(`services.utility.${u}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('services.accountNo')} help={quote.isError ? errorText(quote.error) : undefined}>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            value={accountNo}
            onChange={(e) => setAccountNo(e.target.value.trim())}
            maxLength={30}
            aria-label={t('services.accountNo')}
          />
          <Button
            onClick={() => quote.mutate({ kind: 'utility_bill', details: { utility, accountNo } })}
            loading={quote.isPending}
            disabled={accountNo.length < 4}
            data-testid="lookup-bill"
          >
            {t('services.lookUp')}
          </Button>
        </Space.Compact>
      </Form.Item>
      {current && looked && (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            style={{ marginBottom: 16 }}
            data-testid="bill-quote"
          >
            <Descriptions.Item label={t('services.holder')}>{String(looked.quote.holder)}</Descriptions.Item>
            <Descriptions.Item label={t('services.period')}>{String(looked.quote.period)}</Descriptions.Item>
            <Descriptions.Item label={t('services.amountDue')}>
              {formatFen(Number(looked.quote.amountDueFen))}
            </Descriptions.Item>
          </Descriptions>
          <Form.Item label={t('services.amountYuan')}>
            <InputNumber
              value={amountFen === undefined ? undefined : fenToYuan(amountFen)}
              onChange={(v) => setAmountFen(v ? yuanToFen(v) : undefined)}
              min={0.01}
              max={50_000}
              precision={2}
              aria-label={t('services.amountYuan')}
              style={{ width: 200 }}
            />
          </Form.Item>
        </>
      )}
    </Form>
  );
}
