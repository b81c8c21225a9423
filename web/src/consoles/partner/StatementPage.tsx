import { Card, Col, Row, Statistic } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../api/auth';
import { useStatement } from '../../domains/ledger/api';
import { LedgerItems } from '../../domains/ledger/LedgerItems';
import { MonthSelect } from '../../domains/ledger/MonthSelect';
import { recentMonths } from '../../ui/format';
import { formatFen } from '../../ui/money';
import { QueryView } from '../../ui/QueryView';

export default function StatementPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [month, setMonth] = useState(() => recentMonths(1)[0]!);
  const statement = useStatement(user.id, month);
  return (
    <Card title={t('statement.title')} extra={<MonthSelect value={month} onChange={setMonth} />}>
      <QueryView query={statement}>
        {(s) => (
          <>
            <Row gutter={[16, 16]} style={{ marginBottom: 24 }}>
              {(
                [
                  ['commissions', s.commissionsFen],
                  ['clawbacks', -s.clawbacksFen],
                  ['serviceFees', s.serviceFeesFen],
                  ['net', s.netFen],
                ] as const
              ).map(([key, fen]) => (
                <Col key={key} xs={12} md={6}>
                  <Statistic
                    title={t(`statement.${key}`)}
                    value={formatFen(fen)}
                    data-testid={`statement-${key}`}
                  />
                </Col>
              ))}
            </Row>
            <LedgerItems items={s.items} />
          </>
        )}
      </QueryView>
    </Card>
  );
}
