import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import type { Ticket } from './api';
import { TicketStatusTag } from './TicketStatusTag';

export function TicketTable({
  tickets,
  onOpen,
  centerNames,
}: {
  tickets: Ticket[];
  onOpen: (id: string) => void;
  centerNames?: Map<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <Table<Ticket>
      rowKey="id"
      size="middle"
      dataSource={tickets}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      data-testid="ticket-table"
      columns={[
        { key: 'subject', title: t('support.subject'), dataIndex: 'subject' },
        ...(centerNames
          ? [
              {
                key: 'center',
                title: t('centers.name'),
                render: (_: unknown, tk: Ticket) => centerNames.get(tk.centerId) ?? '—',
              },
            ]
          : []),
        {
          key: 'category',
          title: t('support.category'),
          render: (_, tk) => t(`support.categories.${tk.category}`),
        },
        {
          key: 'priority',
          title: t('support.priority'),
          render: (_, tk) => t(`support.priorities.${tk.priority}`),
        },
        {
          key: 'status',
          title: t('support.statusLabel'),
          render: (_, tk) => <TicketStatusTag status={tk.status} />,
        },
        { key: 'createdAt', title: t('common.createdAt'), render: (_, tk) => formatDateTime(tk.createdAt) },
        {
          key: 'open',
          title: '',
          render: (_, tk) => (
            <Button size="small" onClick={() => onOpen(tk.id)}>
              {t('support.view')}
            </Button>
          ),
        },
      ]}
    />
  );
}
