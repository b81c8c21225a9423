import { Card, Statistic } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePayable } from '../../domains/ledger/api';
import { LedgerItems } from '../../domains/ledger/LedgerItems';
import { MonthSelect } from '../../domains/ledger/MonthSelect';
import { recentMonths } from '../../ui/format';
import { formatFen } from '../../ui/money';
import { QueryView } from '../../ui/QueryView';

/** What the platform owes the merchant for the month: sales less returns. */
export default function PayablePage({ merchantId }: { merchantId: string }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState(() => recentMonths(1)[0]!);
  const payable = usePayable(merchantId, month);
  return (
    <Card title={t('merchant.nav.payable')} extra={<MonthSelect value={month} onChange={setMonth} />}>
      <QueryView query={payable}>
        {(p) => (
          <>
            <Statistic
              title={t('payable.balance')}
              value={formatFen(p.balanceFen)}
              style={{ marginBottom: 24 }}
              data-testid="payable-balance"
            />
            <LedgerItems items={p.items} />
          </>
        )}
      </QueryView>
    </Card>
  );
}
