import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCategories, usePromotions } from '../../domains/catalog/api';
import { PromotionForm } from '../../domains/catalog/PromotionForm';
import { PromotionTable } from '../../domains/catalog/PromotionTable';
import { QueryView } from '../../ui/QueryView';

/** County-funded promotions, limited to this county; merchants' own promotions show alongside. */
export function PromotionsPage({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const promotions = usePromotions(countyId);
  const categories = useCategories();
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={16}>
        <Card title={t('promotions.list')}>
          <QueryView query={promotions}>
            {(items) => <PromotionTable promotions={items} canEnd={(p) => p.fundedBy === 'platform'} />}
          </QueryView>
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('promotions.new')}>
          <PromotionForm categories={categories.data ?? []} countyId={countyId} />
        </Card>
      </Col>
    </Row>
  );
}
