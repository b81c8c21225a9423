import { Button, Space, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useSeller, useSellerStatement } from '../../../domains/upstream/api';
import type { SellerStatement } from '../../../domains/upstream/types';
import { formatDateTime, shortId } from '../../../ui/format';
import { formatFen } from '../../../ui/money';
import { QueryView } from '../../../ui/QueryView';
import { panel } from '../panel';

type Item = SellerStatement['items'][number];

/** What each delivered sale brought the seller after the partner's, platform's and logistics' shares. */
export default function SellerStatementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const seller = useSeller(id);
  const statement = useSellerStatement(id);
  const navigate = useNavigate();
  const money = (fen: number) => formatFen(fen);
  return (
    <section style={panel}>
      <Space wrap align="baseline" style={{ display: 'flex', marginBottom: 16 }}>
        <Button size="small" onClick={() => navigate(`/partner/sellers/${encodeURIComponent(id)}`)}>
          {t('common.back')}
        </Button>
        <h2 style={{ margin: 0 }}>{t('sellers.statementOf', { name: seller.data?.displayName ?? '' })}</h2>
      </Space>
      <QueryView query={statement}>
        {(s) => (
          <>
            <Space
              wrap
              size="large"
              style={{ display: 'flex', marginBottom: 16 }}
              data-testid="statement-totals"
            >
              <Statistic title={t('sellers.gross')} value={money(s.totals.grossFen)} />
              <Statistic title={t('sellers.sellerShare')} value={money(s.totals.sellerShareFen)} />
              <Statistic title={t('sellers.paidOut')} value={money(s.totals.paidOutFen)} />
              <Statistic title={t('sellers.balance')} value={money(s.totals.balanceFen)} />
            </Space>
            <Table<Item>
              rowKey="orderId"
              size="middle"
              dataSource={s.items}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              data-testid="statement-items"
              locale={{ emptyText: t('sellers.noSales') }}
              scroll={{ x: true }}
              columns={[
                { key: 'at', title: t('sellers.deliveredAt'), render: (_, i) => formatDateTime(i.at) },
                { key: 'order', title: t('sellers.order'), render: (_, i) => shortId(i.orderId) },
                { key: 'gross', title: t('sellers.gross'), render: (_, i) => money(i.grossFen) },
                { key: 'partner', title: t('sellers.partnerFee'), render: (_, i) => money(i.partnerFeeFen) },
                {
                  key: 'platform',
                  title: t('sellers.platformFee'),
                  render: (_, i) => money(i.platformFeeFen),
                },
                { key: 'logistics', title: t('sellers.logistics'), render: (_, i) => money(i.logisticsFen) },
                { key: 'share', title: t('sellers.sellerShare'), render: (_, i) => money(i.sellerShareFen) },
              ]}
            />
          </>
        )}
      </QueryView>
    </section>
  );
}
