import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, shortId } from '../../ui/format';
import { formatFen } from '../../ui/money';
import type { LedgerItem } from './types';

/** Money movements of a statement or payable; the type names come from `ledgerType.*`. */
export function LedgerItems({ items }: { items: LedgerItem[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<LedgerItem>
      rowKey={(item, i) => `${item.type}-${item.refId}-${item.at}-${i}`}
      size="middle"
      dataSource={items}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      data-testid="ledger-items"
      columns={[
        { key: 'at', title: t('ledger.at'), render: (_, item) => formatDateTime(item.at) },
        {
          key: 'type',
          title: t('ledger.type'),
          render: (_, item) =>
            i18n.exists(`ledgerType.${item.type}`) ? t(`ledgerType.${item.type}`) : item.type,
        },
        { key: 'ref', title: t('ledger.ref'), render: (_, item) => (item.refId ? shortId(item.refId) : '—') },
        {
          key: 'amount',
          title: t('ledger.amount'),
          align: 'right',
          render: (_, item) => formatFen(item.amountFen),
        },
      ]}
    />
  );
}
