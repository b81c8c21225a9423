import { Card, Col, Row, Segmented, Select } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { useHubScan } from '../../../domains/logistics/api';
import { cue } from '../../../domains/logistics/cue';
import { ScanInput } from '../../../domains/logistics/ScanInput';
import { type ExceptionReason, exceptionReasons } from '../../../domains/logistics/types';
import { useCenters } from '../../../domains/network/api';
import { useErrorText } from '../../../ui/errors';
import { OutsideParcelForm } from './OutsideParcelForm';
import { type Scan, ScanResult } from './ScanResult';

/** The sorter's screen: scan after scan, each answered by its destination in large type. */
export default function ScanStation({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const centers = useCenters(countyId);
  const scan = useHubScan();
  const input = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<'received' | 'exception'>('received');
  const [reason, setReason] = useState<ExceptionReason>('damaged');
  const [scans, setScans] = useState<Scan[]>([]);
  const centerName = (id: string) => centers.data?.find((c) => c.id === id)?.name ?? id;

  const onScan = (trackingNumber: string) => {
    // Shown at once from this session's list; the server's answer also knows earlier sessions.
    const repeat = scans.some((s) => s.trackingNumber === trackingNumber && s.ok && s.mode === mode);
    const key = `${Date.now()}-${trackingNumber}`;
    setScans((list) => [{ key, trackingNumber, mode, pending: true, ok: false, repeat }, ...list]);
    const update = (patch: Partial<Scan>) =>
      setScans((list) => list.map((s) => (s.key === key ? { ...s, ...patch, pending: false } : s)));
    scan.mutate(
      mode === 'received'
        ? { trackingNumber, type: 'received' }
        : { trackingNumber, type: 'exception', reason },
      {
        onSuccess: (r) => {
          cue(true);
          update({
            ok: true,
            centerId: r.centerId,
            runId: r.runId,
            status: r.status,
            direction: r.direction,
            repeat: repeat || r.repeat,
          });
        },
        onError: (error) => {
          cue(false);
          update({
            ok: false,
            error: errorText(error),
            notFound: error instanceof ApiError && error.status === 404,
          });
        },
      },
    );
  };

  const latest = scans[0];
  // Parcels, not scans: a repeat of the same parcel does not add to the pile.
  const done = new Set(scans.filter((s) => s.ok).map((s) => s.trackingNumber)).size;
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={16}>
        <Card>
          <Segmented
            value={mode}
            onChange={(v) => {
              setMode(v as typeof mode);
              input.current?.focus();
            }}
            options={[
              { value: 'received', label: t('hub.modeReceive') },
              { value: 'exception', label: t('hub.modeException') },
            ]}
            style={{ marginBottom: 12 }}
            data-testid="scan-mode"
          />
          {mode === 'exception' && (
            <Select
              value={reason}
              onChange={(v) => {
                setReason(v);
                input.current?.focus();
              }}
              aria-label={t('hub.reason')}
              style={{ width: 160, marginLeft: 12 }}
              options={exceptionReasons.map((r) => ({ value: r, label: t(`exceptionReason.${r}`) }))}
            />
          )}
          <ScanInput label={t('hub.scanPlaceholder')} onScan={onScan} inputRef={input} />
          <ScanResult scan={latest} centerName={centerName} />
        </Card>
        <Card title={t('hub.outsideParcel')} style={{ marginTop: 24 }}>
          <OutsideParcelForm centers={centers.data ?? []} />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card
          title={t('hub.sessionScans')}
          extra={
            <strong style={{ fontSize: 20 }} data-testid="scan-count">
              {t('hub.count', { count: done })}
            </strong>
          }
        >
          <ol
            style={{ listStyle: 'none', padding: 0, margin: 0, maxHeight: 640, overflowY: 'auto' }}
            data-testid="scan-list"
          >
            {scans.map((s) => (
              <li key={s.key} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
                <code>{s.trackingNumber}</code>{' '}
                <span style={{ color: s.pending ? '#888' : s.ok ? '#15803d' : '#b91c1c' }}>
                  {s.pending ? '…' : s.ok ? (s.centerId ? centerName(s.centerId) : '') : s.error}
                </span>
              </li>
            ))}
          </ol>
        </Card>
      </Col>
    </Row>
  );
}
