import './receipt.css';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useCenter } from '../../domains/network/api';
import { useOrder } from '../../domains/orders/api';
import { lineTotal, type OrderDetail } from '../../domains/orders/types';
import { useVillager } from '../../domains/villagers/api';
import { maskPhone } from '../../domains/villagers/types';
import { formatDateTime } from '../../ui/format';
import { formatFen } from '../../ui/money';
import { QueryView } from '../../ui/QueryView';

/** Plain HTML, not antd: printers and 80 mm rolls need predictable widths and no shadows. */
function Receipt({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const center = useCenter(order.centerId);
  const villager = useVillager(order.villagerId);
  return (
    <article className="receipt" data-testid="receipt">
      <h1>{center.data?.name ?? '…'}</h1>
      <div style={{ textAlign: 'center' }}>{t('receipt.title')}</div>
      {center.data && <div style={{ textAlign: 'center', fontSize: 12 }}>{center.data.address}</div>}
      <div className="meta" style={{ marginTop: 12 }}>
        <span>{t('orders.villager')}</span>
        <span data-testid="receipt-villager">
          {villager.data ? `${villager.data.name} ${maskPhone(villager.data.phone)}` : '…'}
        </span>
      </div>
      <div className="meta">
        <span>{t('orders.createdAt')}</span>
        <span>{formatDateTime(order.createdAt)}</span>
      </div>
      <table>
        <thead>
          <tr>
            <th>{t('receipt.item')}</th>
            <th className="num">{t('cart.quantity')}</th>
            <th className="num">{t('receipt.unitPrice')}</th>
            <th className="num">{t('receipt.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((l) => (
            <tr key={l.productId}>
              <td>{l.title}</td>
              <td className="num">{l.quantity}</td>
              <td className="num">{formatFen(l.unitPriceFen)}</td>
              <td className="num">{formatFen(lineTotal(l))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="meta">
        <span>{t('cart.subtotal')}</span>
        <span>{formatFen(order.subtotalFen)}</span>
      </div>
      {order.discountFen > 0 && (
        <div className="meta">
          <span>{t('cart.discount')}</span>
          <span>-{formatFen(order.discountFen)}</span>
        </div>
      )}
      <div className="meta grand">
        <span>{t('cart.total')}</span>
        <span data-testid="receipt-total">{formatFen(order.totalFen)}</span>
      </div>
      <div className="meta">
        <span>{t('checkout.payment')}</span>
        <span>{t(`payment.${order.payment}`)}</span>
      </div>
      <div className="meta" style={{ marginTop: 12, fontSize: 12 }}>
        <span>{t('receipt.orderId')}</span>
        <span style={{ wordBreak: 'break-all', textAlign: 'right' }} data-testid="receipt-order-id">
          {order.id}
        </span>
      </div>
      <p style={{ textAlign: 'center', fontSize: 12, marginBottom: 0 }}>{t('receipt.thanks')}</p>
    </article>
  );
}

export default function ReceiptPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const order = useOrder(id);
  return (
    <>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Button onClick={() => navigate(-1)}>{t('common.back')}</Button>
        <Button type="primary" onClick={() => window.print()} data-testid="print">
          {t('receipt.print')}
        </Button>
      </Space>
      <QueryView query={order}>{(o) => <Receipt order={o} />}</QueryView>
    </>
  );
}
