import { List, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import type { Visit } from './api';

/** Visits, newest first; a row opens to its notes and follow-ups. */
export function VisitTable({ visits, centerNames }: { visits: Visit[]; centerNames: Map<string, string> }) {
  const { t } = useTranslation();
  return (
    <Table<Visit>
      size="small"
      rowKey="id"
      dataSource={visits}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="visit-table"
      scroll={{ x: true }}
      locale={{ emptyText: t('visits.noVisits') }}
      expandable={{
        rowExpandable: (v) => v.notes !== null || v.followUps.length > 0,
        expandedRowRender: (v) => (
          <>
            {v.notes && (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{v.notes}</Typography.Paragraph>
            )}
            {v.followUps.length > 0 && (
              <List
                size="small"
                header={t('visits.followUps')}
                dataSource={v.followUps}
                renderItem={(f) => (
                  <List.Item>
                    {f.text} · {t('visits.dueOn')} {f.dueOn}
                    {f.assigneeName && ` · ${f.assigneeName}`}{' '}
                    {f.done ? (
                      <Tag color="green">{t('visits.status.done')}</Tag>
                    ) : f.overdue ? (
                      <Tag color="red">{t('visits.status.overdue')}</Tag>
                    ) : null}
                  </List.Item>
                )}
              />
            )}
          </>
        ),
      }}
      columns={[
        { title: t('visits.visitedAt'), dataIndex: 'visitedAt', render: formatDateTime },
        {
          title: t('visits.center'),
          dataIndex: 'centerId',
          render: (id: string) => centerNames.get(id) ?? id,
        },
        {
          title: t('visits.purpose'),
          dataIndex: 'purpose',
          render: (p: Visit['purpose']) => (
            <Tag color={p === 'at_risk' || p === 'complaint' ? 'orange' : undefined}>
              {t(`visits.purposes.${p}`)}
            </Tag>
          ),
        },
        { title: t('visits.visitor'), dataIndex: 'visitorName' },
        {
          title: t('visits.partnerPresent'),
          dataIndex: 'partnerPresent',
          render: (p: boolean | null) => (p === null ? '—' : p ? t('visits.present') : t('visits.absent')),
        },
        {
          title: t('visits.followUps'),
          key: 'followUps',
          render: (_: unknown, v: Visit) => {
            const open = v.followUps.filter((f) => !f.done).length;
            return v.followUps.length === 0 ? '—' : t('visits.openOf', { open, total: v.followUps.length });
          },
        },
      ]}
    />
  );
}
