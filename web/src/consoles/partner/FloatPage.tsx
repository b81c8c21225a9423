import { Card, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDeposits, useFloat } from '../../domains/ledger/api';
import { DepositTable } from '../../domains/ledger/DepositTable';
import { formatFen } from '../../ui/money';
import { QueryView } from '../../ui/QueryView';

export default function FloatPage({ centerId }: { centerId: string }) {
  const { t } = useTranslation();
  const float = useFloat(centerId);
  const deposits = useDeposits(centerId);
  return (
    <>
      <Card style={{ marginBottom: 24 }}>
        <Statistic
          title={t('float.balance')}
          value={float.data ? formatFen(float.data.balanceFen) : '…'}
          valueStyle={{ fontSize: 36, color: '#15803d' }}
        />
        <p style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 0 }}>{t('float.hint')}</p>
      </Card>
      <Card title={t('float.deposits')}>
        <QueryView query={deposits}>{(items) => <DepositTable deposits={items} />}</QueryView>
      </Card>
    </>
  );
}
