import { useTranslation } from 'react-i18next';
import { useOverdueParcels } from '../../domains/logistics/api';
import { formatDateTime } from '../../ui/format';
import { QueryView } from '../../ui/QueryView';
import { muted, panel } from './panel';

/** Parcels waiting more than three days: the partner calls the villager, the county resends codes. */
export default function OverduePage({ centerId }: { centerId: string }) {
  const { t } = useTranslation();
  const overdue = useOverdueParcels(centerId);
  return (
    <section style={{ ...panel, maxWidth: 880 }}>
      <h2 style={{ marginTop: 0 }}>{t('partner.nav.overdue')}</h2>
      <p style={muted}>{t('overdue.hint')}</p>
      <QueryView query={overdue}>
        {(items) =>
          items.length ? (
            <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="overdue-table">
              <thead>
                <tr style={{ textAlign: 'left' }}>
                  <th>{t('parcels.trackingNumber')}</th>
                  <th>{t('parcels.recipientPhone')}</th>
                  <th>{t('overdue.arrivedAt')}</th>
                  <th>{t('overdue.locked')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id} style={{ borderTop: '1px solid #f0f0f0' }}>
                    <td>
                      <code>{p.trackingNumber}</code>
                    </td>
                    <td>{p.recipientPhone}</td>
                    <td>{formatDateTime(p.arrivedAt)}</td>
                    <td>{p.pickupLocked ? t('overdue.yes') : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p style={muted}>{t('overdue.none')}</p>
          )
        }
      </QueryView>
    </section>
  );
}
