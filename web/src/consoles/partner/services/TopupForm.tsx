import { Form, Input, Radio, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServiceQuote } from '../../../domains/services/api';
import { topupDenominationsFen } from '../../../domains/services/types';
import { formatFen } from '../../../ui/money';
import type { FormProps } from './draft';

const MOBILE = /^1[3-9]\d{9}$/;

/** The number (the villager's own unless changed), its carrier, and a denomination. */
export function TopupForm({ villager, onChange }: FormProps) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const [amountFen, setAmountFen] = useState<number>();
  const quote = useServiceQuote();
  const { mutate, data } = quote;

  // Keyed on the number itself, so a refetch of the villager never overwrites what was typed.
  const ownPhone = villager?.phone;
  useEffect(() => {
    if (ownPhone) setPhone(ownPhone);
  }, [ownPhone]);
  useEffect(() => {
    if (MOBILE.test(phone)) mutate({ kind: 'mobile_topup', details: { phone } });
  }, [phone, mutate]);
  const carrier = MOBILE.test(phone) && data?.details.phone === phone ? data.details.carrier : undefined;
  useEffect(() => {
    onChange(carrier && amountFen ? { amountFen, details: { phone }, feeBps: data?.feeBps ?? null } : null);
  }, [carrier, amountFen, phone, data, onChange]);

  return (
    <Form layout="vertical" data-testid="topup-form">
      <Form.Item
        label={t('services.phone')}
        validateStatus={phone && !MOBILE.test(phone) ? 'error' : undefined}
        help={quote.isError ? t('services.noCarrier') : undefined}
      >
        <Input
          value={phone}
          onChange={(e) => setPhone(e.target.value.trim())}
          maxLength={11}
          inputMode="numeric"
          aria-label={t('services.phone')}
          suffix={carrier ? <Tag data-testid="carrier">{t(`services.carrier.${carrier}`)}</Tag> : null}
        />
      </Form.Item>
      <Form.Item label={t('services.denomination')}>
        <Radio.Group
          value={amountFen}
          onChange={(e) => setAmountFen(e.target.value as number)}
          optionType="button"
          buttonStyle="solid"
          options={topupDenominationsFen.map((fen) => ({ value: fen, label: formatFen(fen) }))}
          aria-label={t('services.denomination')}
        />
      </Form.Item>
    </Form>
  );
}
