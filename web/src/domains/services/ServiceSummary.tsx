import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../ui/money';
import { QueryView } from '../../ui/QueryView';
import { useServiceSummary } from './api';
import { type ServiceKind, type ServiceSummaryRow, serviceKinds } from './types';

type Row = {
  kind: ServiceKind;
  total: number;
  succeeded: number;
  failed: number;
  pending: number;
  amountFen: number;
  feeFen: number;
};

/** Volumes and failures per kind of service: money counts only what succeeded. */
function byKind(rows: ServiceSummaryRow[]): Row[] {
  return serviceKinds.map((kind) => {
    const mine = rows.filter((r) => r.kind === kind);
    const count = (status: string) => mine.find((r) => r.status === status)?.count ?? 0;
    const done = mine.find((r) => r.status === 'succeeded');
    return {
      kind,
      total: mine.reduce((s, r) => s + r.count, 0),
      succeeded: count('succeeded'),
      failed: count('failed'),
      pending: count('pending'),
      amountFen: done?.amountFen ?? 0,
      feeFen: done?.feeFen ?? 0,
    };
  });
}

export function ServiceSummary({ countyId }: { countyId?: string }) {
  const { t } = useTranslation();
  const summary = useServiceSummary(countyId);
  return (
    <QueryView query={summary}>
      {(rows) => (
        <Table
          size="small"
          rowKey="kind"
          pagination={false}
          dataSource={byKind(rows)}
          data-testid="service-summary"
          columns={[
            { title: t('services.kindLabel'), dataIndex: 'kind', render: (k) => t(`services.kind.${k}`) },
            { title: t('services.total'), dataIndex: 'total', align: 'right' },
            { title: t('services.status.succeeded'), dataIndex: 'succeeded', align: 'right' },
            {
              title: t('services.status.failed'),
              dataIndex: 'failed',
              align: 'right',
              render: (n: number, r) => (n > 0 ? `${n} (${Math.round((n / r.total) * 100)}%)` : 0),
            },
            { title: t('services.status.pending'), dataIndex: 'pending', align: 'right' },
            { title: t('services.amount'), dataIndex: 'amountFen', align: 'right', render: formatFen },
            { title: t('services.fee'), dataIndex: 'feeFen', align: 'right', render: formatFen },
          ]}
        />
      )}
    </QueryView>
  );
}
