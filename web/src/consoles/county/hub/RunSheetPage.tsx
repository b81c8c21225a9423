import './print.css';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useRunSheet, useVehicles } from '../../../domains/logistics/api';
import { Barcode } from '../../../domains/logistics/Barcode';
import type { RunSheet } from '../../../domains/logistics/types';
import { useCenters } from '../../../domains/network/api';
import { QueryView } from '../../../ui/QueryView';

/** Plain HTML for paper: the driver's list of stops, each signed for by the partner. */
function Sheet({ run, countyId }: { run: RunSheet; countyId: string }) {
  const { t } = useTranslation();
  const centers = useCenters(countyId);
  const vehicles = useVehicles(countyId);
  const parcels = new Map(run.parcels.map((p) => [p.id, p]));
  const vehicle = vehicles.data?.find((v) => v.id === run.vehicleId);
  return (
    <article className="run-sheet" data-testid="run-sheet">
      <h1>{t('runSheet.title')}</h1>
      <div>
        {t('runSheet.header', { vehicle: vehicle?.name ?? '…', date: run.date })} ·{' '}
        {t('runs.trip', { trip: run.trip })}
      </div>
      <div>
        {t('runs.figures', {
          km: run.distanceKm.toFixed(1),
          minutes: Math.round(run.durationMinutes),
          kg: run.loadKg.toFixed(1),
        })}
      </div>
      {run.stops.map((stop) => (
        <section className="stop" key={`${stop.centerId}-${stop.sequence}`} data-testid="sheet-stop">
          <h2>
            {stop.sequence}. {centers.data?.find((c) => c.id === stop.centerId)?.name ?? stop.centerId} ·{' '}
            {t('runs.parcelCount', { count: stop.parcelIds.length })}
            {stop.collectParcelIds.length > 0 &&
              ` · ${t('runs.collectCount', { count: stop.collectParcelIds.length })}`}
          </h2>
          <div className="parcels">
            {stop.parcelIds.map((id) => (
              <div key={id}>
                <Barcode value={parcels.get(id)?.trackingNumber ?? id} height={10} scale={2} />
              </div>
            ))}
          </div>
          {stop.collectParcelIds.length > 0 && (
            <>
              <h3>{t('runs.collect')}</h3>
              <div className="parcels" data-testid="sheet-collect">
                {stop.collectParcelIds.map((id) => (
                  <div key={id}>
                    <Barcode value={parcels.get(id)?.trackingNumber ?? id} height={10} scale={2} />
                  </div>
                ))}
              </div>
            </>
          )}
          <div className="signature">
            <span>{t('runSheet.receivedBy')}</span>
            <span>{t('runSheet.time')}</span>
          </div>
        </section>
      ))}
    </article>
  );
}

export default function RunSheetPage({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const run = useRunSheet(id);
  return (
    <>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Button onClick={() => navigate(-1)}>{t('common.back')}</Button>
        <Button type="primary" onClick={() => window.print()}>
          {t('receipt.print')}
        </Button>
      </Space>
      {/* Page size lives here, not in print.css: imported CSS stays loaded after leaving the page. */}
      <style>{'@media print { @page { size: A4; margin: 12mm; } }'}</style>
      <QueryView query={run}>{(r) => <Sheet run={r} countyId={countyId} />}</QueryView>
    </>
  );
}
