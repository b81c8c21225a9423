import { Card, Space, Table, Tag } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLeaderboard } from '../../domains/performance/api';
import { Change } from '../../domains/performance/Change';
import { PeriodSwitch } from '../../domains/performance/PeriodSwitch';
import type { PerformancePeriod } from '../../domains/performance/types';
import { formatFen } from '../../ui/money';
import { PageLoading } from '../../ui/PageLoading';
import { QueryView } from '../../ui/QueryView';

const GmvChart = lazy(() => import('../../domains/performance/GmvChart'));

/** The county's open centres ranked by GMV, against the previous period, with partners at risk marked. */
export function PerformancePage({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<PerformancePeriod>('month');
  const board = useLeaderboard(countyId, period);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('performance.leaderboard')} extra={<PeriodSwitch value={period} onChange={setPeriod} />}>
        <QueryView query={board}>
          {(rows) => (
            <Table
              size="small"
              rowKey="centerId"
              pagination={false}
              dataSource={rows}
              data-testid="leaderboard"
              scroll={{ x: true }}
              columns={[
                { title: t('performance.rank'), key: 'rank', render: (_v, _r, i) => i + 1 },
                {
                  title: t('performance.center'),
                  dataIndex: 'centerName',
                  render: (name: string, r) => (
                    <Space size={4}>
                      {name}
                      {r.atRisk && <Tag color="red">{t('performance.atRisk')}</Tag>}
                    </Space>
                  ),
                },
                {
                  title: t('performance.gmv'),
                  dataIndex: 'gmvFen',
                  align: 'right',
                  render: (n: number, r) => <Change now={n} before={r.previous.gmvFen} format={formatFen} />,
                },
                {
                  title: t('performance.orders'),
                  dataIndex: 'orders',
                  align: 'right',
                  render: (n: number, r) => <Change now={n} before={r.previous.orders} />,
                },
                {
                  title: t('performance.activeVillagers'),
                  dataIndex: 'activeVillagers',
                  align: 'right',
                  render: (n: number, r) => <Change now={n} before={r.previous.activeVillagers} />,
                },
                {
                  title: t('performance.services'),
                  dataIndex: 'serviceRequests',
                  align: 'right',
                  render: (n: number, r) => <Change now={n} before={r.previous.serviceRequests} />,
                },
                {
                  title: t('performance.upstreamSales'),
                  dataIndex: 'upstreamSalesFen',
                  align: 'right',
                  render: formatFen,
                },
                {
                  title: t('performance.earnings'),
                  dataIndex: 'earningsFen',
                  align: 'right',
                  render: (n: number | null) => (n === null ? '—' : formatFen(n)),
                },
              ]}
            />
          )}
        </QueryView>
      </Card>
      {board.data && board.data.length > 0 && (
        <Card title={t('performance.gmvChart')}>
          <Suspense fallback={<PageLoading />}>
            <GmvChart rows={board.data} />
          </Suspense>
        </Card>
      )}
    </Space>
  );
}
