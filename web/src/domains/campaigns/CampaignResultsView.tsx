import { Descriptions, Space, Table, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { formatFen } from '../../ui/money';
import { PageLoading } from '../../ui/PageLoading';
import { QueryView } from '../../ui/QueryView';
import { Change } from '../performance/Change';
import { useCampaignResults } from './api';
import type { CenterResult } from './types';

const ResultsChart = lazy(() => import('./ResultsChart'));

function Uplift({ pct }: { pct: number | null }) {
  if (pct === null) return <span>—</span>;
  const type = pct > 0 ? 'success' : pct < 0 ? 'danger' : 'secondary';
  return <Typography.Text type={type}>{`${pct > 0 ? '+' : ''}${pct}%`}</Typography.Text>;
}

/** What a campaign did at its target centres: during it against as long a time before it. */
export function CampaignResultsView({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const results = useCampaignResults(campaignId);
  return (
    <QueryView query={results}>
      {(r) => (
        <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="campaign-results">
          <Typography.Text type="secondary">
            {t('campaigns.windows', {
              from: formatDateTime(r.during.from),
              to: formatDateTime(r.during.to),
              beforeFrom: formatDateTime(r.before.from),
            })}
          </Typography.Text>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 2, xl: 3 }}
            items={[
              {
                key: 'orders',
                label: t('campaigns.orders'),
                children: <Change now={r.totals.orders} before={r.totals.before.orders} />,
              },
              {
                key: 'gmv',
                label: t('campaigns.gmv'),
                children: <Change now={r.totals.gmvFen} before={r.totals.before.gmvFen} format={formatFen} />,
              },
              {
                key: 'uplift',
                label: t('campaigns.gmvUplift'),
                children: <Uplift pct={r.totals.gmvUpliftPct} />,
              },
              { key: 'promoted', label: t('campaigns.promotedOrders'), children: r.totals.promotedOrders },
              {
                key: 'promotedGmv',
                label: t('campaigns.promotedGmv'),
                children: formatFen(r.totals.promotedGmvFen),
              },
              {
                key: 'villagers',
                label: t('campaigns.newVillagers'),
                children: <Change now={r.totals.newVillagers} before={r.totals.before.newVillagers} />,
              },
            ]}
          />
          <Table<CenterResult>
            size="small"
            rowKey="centerId"
            dataSource={r.centers}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: true }}
            data-testid="campaign-centers"
            columns={[
              { title: t('performance.center'), dataIndex: 'centerName' },
              {
                title: t('campaigns.orders'),
                dataIndex: 'orders',
                align: 'right',
                render: (n: number, c) => <Change now={n} before={c.before.orders} />,
              },
              {
                title: t('campaigns.gmv'),
                dataIndex: 'gmvFen',
                align: 'right',
                render: (n: number, c) => <Change now={n} before={c.before.gmvFen} format={formatFen} />,
              },
              {
                title: t('campaigns.gmvUplift'),
                dataIndex: 'gmvUpliftPct',
                align: 'right',
                render: (pct: number | null) => <Uplift pct={pct} />,
              },
              { title: t('campaigns.promotedOrders'), dataIndex: 'promotedOrders', align: 'right' },
              {
                title: t('campaigns.promotedGmv'),
                dataIndex: 'promotedGmvFen',
                align: 'right',
                render: formatFen,
              },
              { title: t('campaigns.newVillagers'), dataIndex: 'newVillagers', align: 'right' },
            ]}
          />
          {/* Beyond 30 bars the labels no longer read; the table above holds every centre. */}
          {r.centers.length > 0 && (
            <Suspense fallback={<PageLoading />}>
              <ResultsChart rows={r.centers.slice(0, 30)} />
            </Suspense>
          )}
        </Space>
      )}
    </QueryView>
  );
}
