import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../ui/format';
import type { County } from './types';

/** Counties with a link to each one's workspace under `linkBase`. */
export function CountyTable({ counties, linkBase }: { counties: County[]; linkBase: string }) {
  const { t } = useTranslation();
  return (
    <Table<County>
      rowKey="id"
      size="middle"
      dataSource={counties}
      pagination={false}
      data-testid="county-table"
      columns={[
        { key: 'code', title: t('counties.code'), dataIndex: 'code' },
        {
          key: 'name',
          title: t('counties.name'),
          render: (_, c) => <Link to={`${linkBase}/${encodeURIComponent(c.id)}`}>{c.name}</Link>,
        },
        { key: 'province', title: t('counties.province'), dataIndex: 'province' },
        { key: 'hub', title: t('counties.hubAddress'), render: (_, c) => c.hub.address },
        { key: 'createdAt', title: t('common.createdAt'), render: (_, c) => formatDate(c.createdAt) },
      ]}
    />
  );
}
