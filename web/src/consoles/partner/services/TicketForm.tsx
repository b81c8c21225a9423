import { Button, Descriptions, Form, Input, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServiceQuote } from '../../../domains/services/api';
import { useErrorText } from '../../../ui/errors';
import { formatFen } from '../../../ui/money';
import type { FormProps } from './draft';

const seatClasses = {
  train: ['second', 'first', 'business', 'hard_seat', 'hard_sleeper', 'soft_sleeper', 'no_seat'],
  coach: ['standard'],
} as const;
type Mode = keyof typeof seatClasses;

/** A train or coach trip: the fare is looked up, then the order goes to the provider. */
export function TicketForm({ villager, onChange }: FormProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [mode, setMode] = useState<Mode>('train');
  const [trip, setTrip] = useState({ from: '', to: '', date: '', passenger: '', seatClass: 'second' });
  const quote = useServiceQuote();
  const details = { mode, ...trip };
  const signature = JSON.stringify(details);
  const looked =
    quote.data && JSON.stringify(quote.variables?.details) === signature ? quote.data : undefined;

  const villagerName = villager?.name;
  useEffect(() => {
    if (villagerName) setTrip((s) => (s.passenger ? s : { ...s, passenger: villagerName }));
  }, [villagerName]);
  useEffect(() => {
    onChange(
      looked?.amountFen
        ? { amountFen: looked.amountFen, details: JSON.parse(signature), feeBps: looked.feeBps }
        : null,
    );
  }, [looked, signature, onChange]);

  const set = (field: keyof typeof trip) => (e: { target: { value: string } }) =>
    setTrip((s) => ({ ...s, [field]: e.target.value }));
  const complete = trip.from && trip.to && trip.date && trip.passenger;

  return (
    <Form layout="vertical" data-testid="ticket-form">
      <Form.Item label={t('services.mode')}>
        <Radio.Group
          value={mode}
          onChange={(e) => {
            const next = e.target.value as Mode;
            setMode(next);
            setTrip((s) => ({ ...s, seatClass: seatClasses[next][0] }));
          }}
          optionType="button"
          options={(['train', 'coach'] as const).map((m) => ({ value: m, label: t(`services.modes.${m}`) }))}
        />
      </Form.Item>
      <div style={{ display: 'flex', gap: 12 }}>
        <Form.Item label={t('services.from')} style={{ flex: 1 }}>
          <Input value={trip.from} onChange={set('from')} maxLength={50} aria-label={t('services.from')} />
        </Form.Item>
        <Form.Item label={t('services.to')} style={{ flex: 1 }}>
          <Input value={trip.to} onChange={set('to')} maxLength={50} aria-label={t('services.to')} />
        </Form.Item>
      </div>
      <div style={{ display: 'flex', gap: 12 }}>
        <Form.Item label={t('services.date')} style={{ flex: 1 }}>
          <Input type="date" value={trip.date} onChange={set('date')} aria-label={t('services.date')} />
        </Form.Item>
        <Form.Item label={t('services.seatClass')} style={{ flex: 1 }}>
          <Select
            value={trip.seatClass}
            onChange={(v) => setTrip((s) => ({ ...s, seatClass: v }))}
            aria-label={t('services.seatClass')}
            options={seatClasses[mode].map((c) => ({ value: c, label: t(`services.seat.${c}`) }))}
          />
        </Form.Item>
      </div>
      <Form.Item label={t('services.passenger')} help={quote.isError ? errorText(quote.error) : undefined}>
        <Input
          value={trip.passenger}
          onChange={set('passenger')}
          maxLength={50}
          aria-label={t('services.passenger')}
        />
      </Form.Item>
      <Button
        onClick={() => quote.mutate({ kind: 'travel_ticket', details })}
        disabled={!complete}
        loading={quote.isPending}
        style={{ marginBottom: 16 }}
        data-testid="lookup-fare"
      >
        {t('services.lookUpFare')}
      </Button>
      {looked && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} data-testid="fare-quote">
          <Descriptions.Item label={t('services.fare')}>
            {formatFen(Number(looked.quote.fareFen))}
          </Descriptions.Item>
          <Descriptions.Item label={t('services.seatsLeft')}>
            {String(looked.quote.seatsLeft)}
          </Descriptions.Item>
          <Descriptions.Item label={t('services.departs')}>
            {String(looked.quote.departs).slice(0, 16).replace('T', ' ')}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Form>
  );
}
