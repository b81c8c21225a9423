import { Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import { formatFen } from '../../ui/money';
import { Change } from './Change';
import type { CenterPerformance } from './types';

type Props = {
  rows: CenterPerformance[];
  /** Partners' earnings: for county staff and HQ, never the government's read-only view. */
  showEarnings: boolean;
  /** Offered on centres at risk, for staff who can go and see the partner. */
  onLogVisit?: (row: CenterPerformance) => void;
};

/** The county's open centres ranked by GMV against the previous period, at-risk partners marked. */
export function LeaderboardTable({ rows, showEarnings, onLogVisit }: Props) {
  const { t } = useTranslation();
  return (
    <Table<CenterPerformance>
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
        ...(showEarnings
          ? [
              {
                title: t('performance.earnings'),
                dataIndex: 'earningsFen',
                align: 'right' as const,
                render: (n: number | null) => (n === null ? '—' : formatFen(n)),
              },
            ]
          : []),
        {
          title: t('performance.lastVisit'),
          dataIndex: 'lastVisitAt',
          render: (at: string | null, r) => (
            <Space size={4} data-testid="last-visit">
              {at ? (
                formatDate(at)
              ) : (
                <Typography.Text type={r.atRisk ? 'danger' : 'secondary'}>
                  {t('performance.neverVisited')}
                </Typography.Text>
              )}
              {onLogVisit && r.atRisk && (
                <Button size="small" onClick={() => onLogVisit(r)} data-testid="log-visit">
                  {t('performance.logVisit')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
