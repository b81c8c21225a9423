import { Descriptions, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCenterPerformance } from '../../domains/performance/api';
import { Change } from '../../domains/performance/Change';
import { PeriodSwitch } from '../../domains/performance/PeriodSwitch';
import type { PerformancePeriod } from '../../domains/performance/types';
import { formatFen } from '../../ui/money';
import { QueryView } from '../../ui/QueryView';
import { panel } from './panel';

/** The centre's own figures this week or month, against the previous one. */
export function PerformanceCard({ centerId }: { centerId: string }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<PerformancePeriod>('month');
  const performance = useCenterPerformance(centerId, period);
  return (
    <section style={{ ...panel, marginTop: 16 }} data-testid="partner-performance">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <h3 style={{ margin: 0 }}>
          {t('performance.title')}{' '}
          {performance.data?.atRisk && <Tag color="red">{t('performance.atRisk')}</Tag>}
        </h3>
        <PeriodSwitch value={period} onChange={setPeriod} />
      </Space>
      <QueryView query={performance}>
        {(p) => (
          <Descriptions
            size="small"
            column={2}
            items={[
              {
                key: 'orders',
                label: t('performance.orders'),
                children: <Change now={p.orders} before={p.previous.orders} />,
              },
              {
                key: 'gmv',
                label: t('performance.gmv'),
                children: <Change now={p.gmvFen} before={p.previous.gmvFen} format={formatFen} />,
              },
              {
                key: 'villagers',
                label: t('performance.activeVillagers'),
                children: <Change now={p.activeVillagers} before={p.previous.activeVillagers} />,
              },
              {
                key: 'services',
                label: t('performance.services'),
                children: <Change now={p.serviceRequests} before={p.previous.serviceRequests} />,
              },
              {
                key: 'upstream',
                label: t('performance.upstreamSales'),
                children: formatFen(p.upstreamSalesFen),
              },
              {
                key: 'earnings',
                label: t('performance.earnings'),
                children: p.earningsFen === null ? '—' : formatFen(p.earningsFen),
              },
            ]}
          />
        )}
      </QueryView>
    </section>
  );
}
