import { Card, Drawer, Space } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VisitForm } from '../../domains/field-visits/VisitForm';
import { useLeaderboard } from '../../domains/performance/api';
import { LeaderboardTable } from '../../domains/performance/LeaderboardTable';
import { PeriodSwitch } from '../../domains/performance/PeriodSwitch';
import type { CenterPerformance, PerformancePeriod } from '../../domains/performance/types';
import { PageLoading } from '../../ui/PageLoading';
import { QueryView } from '../../ui/QueryView';

const GmvChart = lazy(() => import('../../domains/performance/GmvChart'));

/**
 * The county's open centres ranked by GMV, against the previous period, with partners at risk
 * marked, when each was last visited, and a visit to log for those at risk.
 */
export function PerformancePage({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<PerformancePeriod>('month');
  const board = useLeaderboard(countyId, period);
  const [visiting, setVisiting] = useState<CenterPerformance | null>(null);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('performance.leaderboard')} extra={<PeriodSwitch value={period} onChange={setPeriod} />}>
        <QueryView query={board}>
          {(rows) => <LeaderboardTable rows={rows} showEarnings onLogVisit={setVisiting} />}
        </QueryView>
      </Card>
      {board.data && board.data.length > 0 && (
        <Card title={t('performance.gmvChart')}>
          <Suspense fallback={<PageLoading />}>
            <GmvChart rows={board.data} />
          </Suspense>
        </Card>
      )}
      <Drawer
        open={visiting !== null}
        onClose={() => setVisiting(null)}
        title={visiting ? t('visits.logFor', { name: visiting.centerName }) : ''}
        size={520}
        destroyOnHidden
      >
        {visiting && (
          <VisitForm
            countyId={countyId}
            centers={[{ id: visiting.centerId, name: visiting.centerName }]}
            centerId={visiting.centerId}
            purpose="at_risk"
            onLogged={() => setVisiting(null)}
          />
        )}
      </Drawer>
    </Space>
  );
}
