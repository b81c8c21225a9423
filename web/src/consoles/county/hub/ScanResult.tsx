import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ParcelDirection, ParcelStatus } from '../../../domains/logistics/types';

export type Scan = {
  key: string;
  trackingNumber: string;
  mode: 'received' | 'exception';
  pending: boolean;
  ok: boolean;
  repeat: boolean;
  centerId?: string;
  runId?: string | null;
  status?: ParcelStatus;
  direction?: ParcelDirection;
  error?: string;
  notFound?: boolean;
};

const box = (background: string, border: string) =>
  ({
    marginTop: 16,
    padding: 24,
    borderRadius: 8,
    background,
    border: `3px solid ${border}`,
    minHeight: 180,
  }) as const;

/** The latest scan's answer, big enough to read from the sorting table. */
export function ScanResult({
  scan,
  centerName,
}: {
  scan: Scan | undefined;
  centerName: (id: string) => string;
}) {
  const { t } = useTranslation();
  if (!scan) return <div style={box('#fafafa', '#e5e7eb')}>{t('hub.waiting')}</div>;
  if (scan.pending)
    return (
      <div style={box('#fafafa', '#e5e7eb')}>
        <code style={{ fontSize: 20 }}>{scan.trackingNumber}</code> …
      </div>
    );
  if (!scan.ok)
    return (
      <div style={box('#fef2f2', '#dc2626')} data-testid="scan-error" role="alert">
        <code style={{ fontSize: 20 }}>{scan.trackingNumber}</code>
        <div style={{ fontSize: 40, fontWeight: 700, color: '#b91c1c' }}>
          {scan.notFound ? t('hub.unknownParcel') : t('hub.scanFailed')}
        </div>
        <div>{scan.error}</div>
      </div>
    );
  const exception = scan.mode === 'exception';
  if (scan.direction === 'outbound' && !exception)
    return (
      <div style={box('#eff6ff', '#2563eb')} data-testid="scan-result">
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }}>
          <code style={{ fontSize: 20 }}>{scan.trackingNumber}</code>
          <span style={{ fontSize: 20, fontWeight: 700 }}>
            {scan.repeat ? t('hub.alreadyScanned') : t('hub.received')}
          </span>
        </div>
        <div style={{ fontSize: 72, fontWeight: 800, lineHeight: 1.2 }} data-testid="scan-destination">
          {t('hub.outbound')}
        </div>
        <div style={{ fontSize: 24 }}>{t('hub.outboundHint')}</div>
      </div>
    );
  return (
    <div
      style={box(exception ? '#fffbeb' : '#f0fdf4', exception ? '#d97706' : '#16a34a')}
      data-testid="scan-result"
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }}>
        <code style={{ fontSize: 20 }}>{scan.trackingNumber}</code>
        <span style={{ fontSize: 20, fontWeight: 700 }}>
          {scan.repeat ? t('hub.alreadyScanned') : exception ? t('hub.exceptionRecorded') : t('hub.received')}
        </span>
      </div>
      <div style={{ fontSize: 72, fontWeight: 800, lineHeight: 1.2 }} data-testid="scan-destination">
        {scan.centerId ? centerName(scan.centerId) : ''}
      </div>
      <div style={{ fontSize: 24 }} data-testid="scan-run">
        {scan.runId ? t('hub.inRun', { id: scan.runId.slice(-6).toUpperCase() }) : t('hub.awaitingRun')}
        {' · '}
        <Link
          to={`/county/parcels/${encodeURIComponent(scan.trackingNumber)}/label`}
          state={{ centerId: scan.centerId }}
        >
          {t('hub.printLabel')}
        </Link>
      </div>
    </div>
  );
}
