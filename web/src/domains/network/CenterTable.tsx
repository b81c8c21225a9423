import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { formatDate } from '../../ui/format';
import { AssignPartner } from './AssignPartner';
import { CenterActions } from './CenterActions';
import { CenterStatusTag } from './CenterStatusTag';
import { type Center, centerStatuses, verifyPath } from './types';

type Props = {
  centers: Center[];
  /** Partner users by id; readers who may not list users see only whether one is assigned. */
  partners?: Map<string, User>;
  /** County staff and HQ get the assign and lifecycle controls. */
  manage?: boolean;
  /** Columns other domains add for the county's staff, such as each centre's float. */
  extraColumns?: ColumnsType<Center>;
};

export function CenterTable({ centers, partners, manage = false, extraColumns = [] }: Props) {
  const { t } = useTranslation();

  const partnerCell = (c: Center) => {
    if (c.partnerUserId) {
      const user = partners?.get(c.partnerUserId);
      return user ? (
        user.displayName
      ) : (
        <Typography.Text type="secondary">{t('partners.assignedAnon')}</Typography.Text>
      );
    }
    if (manage && c.status !== 'closed') return <AssignPartner center={c} />;
    return <Typography.Text type="secondary">{t('partners.none')}</Typography.Text>;
  };

  return (
    <Table<Center>
      rowKey="id"
      size="middle"
      dataSource={centers}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      data-testid="center-table"
      columns={[
        {
          key: 'village',
          title: t('centers.village'),
          render: (_, c) => c.villageName ?? '—',
          sorter: (a, b) => (a.villageName ?? '').localeCompare(b.villageName ?? '', 'zh-CN'),
        },
        { key: 'name', title: t('centers.name'), dataIndex: 'name' },
        {
          key: 'status',
          title: t('centers.status'),
          render: (_, c) => <CenterStatusTag status={c.status} />,
          filters: centerStatuses.map((s) => ({ text: t(`status.${s}`), value: s })),
          onFilter: (value, c) => c.status === value,
        },
        { key: 'partner', title: t('centers.partner'), render: (_, c) => partnerCell(c) },
        { key: 'openedAt', title: t('centers.openedAt'), render: (_, c) => formatDate(c.openedAt) },
        ...(manage
          ? [
              {
                key: 'actions',
                title: t('centers.actions'),
                render: (_: unknown, c: Center) => <CenterActions center={c} />,
              },
            ]
          : []),
        ...extraColumns,
        {
          key: 'verify',
          title: t('centers.registry'),
          render: (_, c) => (
            <a href={verifyPath(c.id)} target="_blank" rel="noreferrer">
              {t('centers.verifyLink')}
            </a>
          ),
        },
      ]}
    />
  );
}
