import { Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { formatDate, formatDateTime } from '../../ui/format';
import { type FollowUp, useMarkDone } from './api';

/** What visits left to do; open ones get a "done" button. */
export function FollowUpTable({
  followUps,
  centerNames,
}: {
  followUps: FollowUp[];
  centerNames: Map<string, string>;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const markDone = useMarkDone();
  return (
    <Table<FollowUp>
      size="small"
      rowKey="id"
      dataSource={followUps}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="follow-up-table"
      scroll={{ x: true }}
      locale={{ emptyText: t('visits.noFollowUps') }}
      columns={[
        {
          title: t('visits.followUp'),
          dataIndex: 'text',
          render: (text: string, f) => (
            <>
              {text} {f.overdue && <Tag color="red">{t('visits.status.overdue')}</Tag>}
            </>
          ),
        },
        {
          title: t('visits.center'),
          dataIndex: 'centerId',
          render: (id: string) => centerNames.get(id) ?? id,
        },
        { title: t('visits.dueOn'), dataIndex: 'dueOn' },
        {
          title: t('visits.assignee'),
          dataIndex: 'assigneeName',
          render: (name: string | null) => name ?? t('visits.unassigned'),
        },
        { title: t('visits.visitedAt'), dataIndex: 'visitedAt', render: formatDate },
        {
          key: 'done',
          title: t('visits.status.done'),
          render: (_: unknown, f) =>
            f.done ? (
              t('visits.doneBy', { name: f.doneByName ?? '', at: formatDateTime(f.doneAt) })
            ) : (
              <Button
                size="small"
                loading={markDone.isPending && markDone.variables === f.id}
                onClick={() =>
                  markDone.mutate(f.id, {
                    onSuccess: () => message.success(t('visits.markedDone')),
                    onError: (error) => message.error(errorText(error), 6),
                  })
                }
                data-testid="follow-up-done"
              >
                {t('visits.markDone')}
              </Button>
            ),
        },
      ]}
    />
  );
}
