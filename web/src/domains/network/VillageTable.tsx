import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Center, Village } from './types';

/** Villages with how many centres each has and how many of those are open. */
export function VillageTable({ villages, centers }: { villages: Village[]; centers: Center[] }) {
  const { t } = useTranslation();
  const count = (villageId: string, openOnly: boolean) =>
    centers.filter((c) => c.villageId === villageId && (!openOnly || c.status === 'open')).length;

  return (
    <Table<Village>
      rowKey="id"
      size="middle"
      dataSource={villages}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="village-table"
      columns={[
        { key: 'name', title: t('villages.name'), dataIndex: 'name' },
        {
          key: 'population',
          title: t('villages.population'),
          align: 'right',
          render: (_, v) => (v.population == null ? '—' : v.population.toLocaleString()),
        },
        {
          key: 'coords',
          title: t('villages.coords'),
          render: (_, v) => `${v.lat.toFixed(3)}, ${v.lon.toFixed(3)}`,
        },
        {
          key: 'centers',
          title: t('villages.centers'),
          align: 'right',
          render: (_, v) => count(v.id, false),
        },
        {
          key: 'open',
          title: t('villages.openCenters'),
          align: 'right',
          render: (_, v) => count(v.id, true),
        },
      ]}
    />
  );
}
