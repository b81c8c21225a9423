import './label.css';
import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useSeller, useSellerListings } from '../../../domains/upstream/api';
import { storeProductUrl } from '../../../domains/upstream/links';
import { QrCode } from '../../../domains/upstream/QrCode';

/**
 * A 60 × 80 mm traceability label for the jar or the box: its QR code opens the product's
 * public page with its origin. Loaded only when opened, so the QR renderer stays out of the
 * partner's first download.
 */
export default function ListingLabelPage() {
  const { t } = useTranslation();
  const { id = '', productId = '' } = useParams();
  const navigate = useNavigate();
  const seller = useSeller(id);
  const listings = useSellerListings(id);
  const product = listings.data?.find((p) => p.id === productId);
  const url = storeProductUrl(productId);
  return (
    <>
      <Space className="no-print" style={{ marginBottom: 16 }} wrap>
        <Button onClick={() => navigate(-1)}>{t('common.back')}</Button>
        <Button type="primary" onClick={() => window.print()}>
          {t('receipt.print')}
        </Button>
      </Space>
      {product && product.status !== 'active' && (
        <Alert
          type="warning"
          className="no-print"
          title={t('listings.labelNotLive')}
          style={{ marginBottom: 16 }}
        />
      )}
      <style>{'@media print { @page { size: 60mm 80mm; margin: 0; } }'}</style>
      <article className="trace-label" data-testid="trace-label">
        <strong className="title">{product?.title ?? '…'}</strong>
        <QrCode value={url} scale={3} />
        <div>
          {seller.data?.displayName}
          {product?.origin?.village ? ` · ${product.origin.village}` : ''}
        </div>
        <div className="hint">{t('listings.scanHint')}</div>
      </article>
    </>
  );
}
