import '../receipt.css';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useServiceRequest } from '../../../domains/services/api';
import { useServiceSubject } from '../../../domains/services/ServiceRequestTable';
import type { ServiceRequestDetail } from '../../../domains/services/types';
import { formatDateTime } from '../../../ui/format';
import { formatFen } from '../../../ui/money';
import { QueryView } from '../../../ui/QueryView';

const Line = ({ label, value, testId }: { label: string; value: string; testId?: string }) => (
  <div className="meta">
    <span>{label}</span>
    <span data-testid={testId} style={{ textAlign: 'right' }}>
      {value}
    </span>
  </div>
);

/** Plain HTML, like the order receipt: it must print on an 80 mm roll as well as on A4. */
function Receipt({ r }: { r: ServiceRequestDetail }) {
  const { t } = useTranslation();
  const subject = useServiceSubject();
  return (
    <article className="receipt" data-testid="service-receipt">
      <h1>{r.receipt.centerName}</h1>
      <div style={{ textAlign: 'center' }}>{t('services.receiptTitle')}</div>
      <div style={{ textAlign: 'center', fontSize: 12, marginBottom: 12 }}>{r.receipt.centerAddress}</div>
      <Line
        label={t('orders.villager')}
        value={`${r.receipt.villagerName} ${r.receipt.villagerPhone}`}
        testId="receipt-villager"
      />
      <Line label={t('services.kindLabel')} value={t(`services.kind.${r.kind}`)} testId="receipt-service" />
      <Line label={t('services.subject')} value={subject(r)} />
      <Line label={t('common.createdAt')} value={formatDateTime(r.createdAt)} />
      <hr style={{ border: 0, borderTop: '1px dashed #999' }} />
      <Line label={t('services.amount')} value={formatFen(r.amountFen)} testId="receipt-amount" />
      <Line label={t('services.fee')} value={formatFen(r.feeFen)} testId="receipt-fee" />
      <div className="meta grand">
        <span>{t('services.collect')}</span>
        <span data-testid="receipt-total">{formatFen(r.totalFen)}</span>
      </div>
      <Line label={t('checkout.payment')} value={t(`payment.${r.payment}`)} />
      <Line
        label={t('services.statusLabel')}
        value={t(`services.status.${r.status}`)}
        testId="receipt-status"
      />
      {r.status === 'failed' && <Line label={t('services.refund')} value={formatFen(r.totalFen)} />}
      <div style={{ marginTop: 12, fontSize: 12 }}>
        <Line label={t('services.receiptNo')} value={r.receiptNo} testId="receipt-no" />
        {r.providerRef && <Line label={t('services.providerRef')} value={r.providerRef} />}
      </div>
      <p style={{ textAlign: 'center', fontSize: 12, marginBottom: 0 }}>{t('receipt.thanks')}</p>
    </article>
  );
}

export default function ServiceReceiptPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const request = useServiceRequest(id);
  return (
    <>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Button onClick={() => navigate(-1)}>{t('common.back')}</Button>
        <Button type="primary" onClick={() => window.print()} data-testid="print">
          {t('receipt.print')}
        </Button>
      </Space>
      <QueryView query={request}>{(r) => <Receipt r={r} />}</QueryView>
    </>
  );
}
