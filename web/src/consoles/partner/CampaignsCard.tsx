import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Items } from '../../api/types';
import type { Campaign } from '../../domains/campaigns/types';
import { formatDate } from '../../ui/format';
import { formatFen } from '../../ui/money';
import { muted, panel } from './panel';

/**
 * The campaigns running now for this centre, so the partner can tell villagers about them.
 * Plain markup on the order page, the console's first screen: nothing here may weigh.
 */
export function CampaignsCard() {
  const { t } = useTranslation();
  const campaigns = useQuery({
    queryKey: ['campaigns', 'running'],
    queryFn: () => api<Items<Campaign>>('/campaigns').then((r) => r.items),
    staleTime: 5 * 60_000,
  });
  if (!campaigns.data?.length) return null;
  return (
    <section style={panel} data-testid="partner-campaigns">
      <h3 style={{ marginTop: 0 }}>{t('campaigns.running')}</h3>
      <ul style={{ margin: 0, paddingLeft: 18 }}>
        {campaigns.data.map((c) => (
          <li key={c.id} style={{ marginBottom: 8 }}>
            <strong>{c.name}</strong>{' '}
            <span style={muted}>{t('campaigns.until', { date: formatDate(c.endsAt) })}</span>
            {c.description && <div>{c.description}</div>}
            {c.promotions.map((p) => (
              <div key={p.id} style={muted}>
                {t('campaigns.promotionLine', {
                  name: p.name,
                  discount:
                    p.type === 'percent'
                      ? t('promotions.percentValue', { value: p.value })
                      : t('promotions.fixedValue', { value: formatFen(p.value) }),
                })}
              </div>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
