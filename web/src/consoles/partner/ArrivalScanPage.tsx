import { Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useCenterScan, useParcels } from '../../domains/logistics/api';
import { cue } from '../../domains/logistics/cue';
import { ScanInput } from '../../domains/logistics/ScanInput';
import { useErrorText } from '../../ui/errors';
import { muted, panel } from './panel';

type Mode = 'arrived' | 'collected';
type Arrival = {
  key: string;
  trackingNumber: string;
  mode: Mode;
  pending: boolean;
  ok: boolean;
  error?: string;
};

/**
 * The van at the centre. Arrival scans make each parcel ready and text the villager a pickup
 * code; hand-over scans give outbound parcels (returns, village products) to the driver.
 */
export default function ArrivalScanPage({ centerId }: { centerId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const scan = useCenterScan(centerId);
  const [mode, setMode] = useState<Mode>('arrived');
  const [arrivals, setArrivals] = useState<Arrival[]>([]);
  const toCollect = useParcels({ centerId, direction: 'outbound', status: 'awaiting_collection' });
  const okText = (m: Mode) => (m === 'arrived' ? t('arrival.ok') : t('arrival.collectedOk'));

  const onScan = (trackingNumber: string) => {
    const key = `${Date.now()}-${trackingNumber}`;
    setArrivals((list) => [{ key, trackingNumber, mode, pending: true, ok: false }, ...list]);
    const update = (patch: Partial<Arrival>) =>
      setArrivals((list) => list.map((a) => (a.key === key ? { ...a, ...patch, pending: false } : a)));
    scan.mutate(
      { trackingNumber, type: mode },
      {
        onSuccess: () => {
          cue(true);
          update({ ok: true });
        },
        onError: (error) => {
          cue(false);
          const misrouted =
            error instanceof ApiError &&
            (error.details as { reason?: string } | null)?.reason === 'misrouted';
          update({ ok: false, error: misrouted ? t('arrival.misrouted') : errorText(error) });
        },
      },
    );
  };

  const latest = arrivals[0];
  const done = arrivals.filter((a) => a.ok).length;
  return (
    <section style={{ ...panel, maxWidth: 880 }}>
      <h2 style={{ marginTop: 0 }}>{t('partner.nav.arrival')}</h2>
      <p style={muted}>{t('arrival.hint')}</p>
      <Segmented<Mode>
        value={mode}
        onChange={setMode}
        style={{ marginBottom: 12 }}
        options={[
          { value: 'arrived', label: t('arrival.modeArrived') },
          { value: 'collected', label: t('arrival.modeCollected') },
        ]}
      />
      <ScanInput label={t('arrival.scanPlaceholder')} onScan={onScan} />
      {latest && !latest.pending && (
        <div
          role={latest.ok ? 'status' : 'alert'}
          data-testid={latest.ok ? 'arrival-ok' : 'arrival-error'}
          style={{
            marginTop: 16,
            padding: 16,
            borderRadius: 8,
            fontSize: 24,
            fontWeight: 700,
            background: latest.ok ? '#f0fdf4' : '#fef2f2',
            border: `3px solid ${latest.ok ? '#16a34a' : '#dc2626'}`,
          }}
        >
          <code>{latest.trackingNumber}</code> {latest.ok ? okText(latest.mode) : latest.error}
        </div>
      )}
      <p style={{ fontSize: 18, marginTop: 16 }} data-testid="arrival-count">
        {t('hub.count', { count: done })}
      </p>
      <ol style={{ listStyle: 'none', padding: 0 }}>
        {arrivals.map((a) => (
          <li key={a.key} style={{ padding: '4px 0', borderBottom: '1px solid #f0f0f0' }}>
            <code>{a.trackingNumber}</code>{' '}
            <span style={{ color: a.pending ? '#888' : a.ok ? '#15803d' : '#b91c1c' }}>
              {a.pending ? '…' : a.ok ? okText(a.mode) : a.error}
            </span>
          </li>
        ))}
      </ol>
      <h3>{t('arrival.toCollect')}</h3>
      <ul data-testid="to-collect" style={{ paddingLeft: 20 }}>
        {(toCollect.data ?? []).map((p) => (
          <li key={p.id}>
            <code>{p.trackingNumber}</code> · {(p.weightGrams / 1000).toFixed(1)} kg
          </li>
        ))}
        {toCollect.data?.length === 0 && <li style={muted}>{t('arrival.noneToCollect')}</li>}
      </ul>
    </section>
  );
}
