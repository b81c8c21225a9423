import './print.css';
import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useParcels } from '../../../domains/logistics/api';
import { Barcode } from '../../../domains/logistics/Barcode';
import { useCenters } from '../../../domains/network/api';

/** A 100 × 100 mm label: the barcode to scan and the destination to read from across the hub. */
export default function ParcelLabelPage({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const { trackingNumber = '' } = useParams();
  const navigate = useNavigate();
  const known = (useLocation().state as { centerId?: string } | null)?.centerId;
  // The server looks parcels up by tracking number only for events, so without the centre
  // handed over by the page that opened the label, the county's list is searched.
  const parcels = useParcels();
  const centers = useCenters(countyId);
  const centerId = known ?? parcels.data?.find((p) => p.trackingNumber === trackingNumber)?.centerId;
  const name = centerId ? centers.data?.find((c) => c.id === centerId)?.name : undefined;
  return (
    <>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Button onClick={() => navigate(-1)}>{t('common.back')}</Button>
        <Button type="primary" onClick={() => window.print()}>
          {t('receipt.print')}
        </Button>
      </Space>
      {!centerId && parcels.isSuccess && (
        <Alert
          type="error"
          className="no-print"
          title={t('hub.unknownParcel')}
          style={{ marginBottom: 16 }}
        />
      )}
      {/* Page size lives here, not in print.css: imported CSS stays loaded after leaving the page. */}
      <style>{'@media print { @page { size: 100mm 100mm; margin: 0; } }'}</style>
      <article className="parcel-label" data-testid="parcel-label">
        <div className="destination">{name ?? '…'}</div>
        <Barcode value={trackingNumber} height={18} scale={2} />
        <div>{t('app.name')}</div>
      </article>
    </>
  );
}
