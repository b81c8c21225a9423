import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { formatFen } from '../../ui/money';
import type { FloatDeposit } from './types';

export function DepositTable({ deposits }: { deposits: FloatDeposit[] }) {
  const { t } = useTranslation();
  return (
    <Table<FloatDeposit>
      rowKey="id"
      size="small"
      dataSource={deposits}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      data-testid="deposit-table"
      columns={[
        { key: 'at', title: t('float.depositAt'), render: (_, d) => formatDateTime(d.createdAt) },
        { key: 'reference', title: t('float.reference'), dataIndex: 'reference' },
        { key: 'amount', title: t('float.amount'), align: 'right', render: (_, d) => formatFen(d.amountFen) },
      ]}
    />
  );
}
