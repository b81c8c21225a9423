import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCategories, useProducts, usePromotions } from '../../domains/catalog/api';
import { PromotionForm } from '../../domains/catalog/PromotionForm';
import { PromotionTable } from '../../domains/catalog/PromotionTable';
import { QueryView } from '../../ui/QueryView';

export default function PromotionsPage() {
  const { t } = useTranslation();
  const promotions = usePromotions();
  const categories = useCategories();
  const products = useProducts({ limit: 100, offset: 0 });
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={16}>
        <Card title={t('merchant.nav.promotions')}>
          <QueryView query={promotions}>
            {(items) => <PromotionTable promotions={items} canEnd={(p) => p.fundedBy === 'merchant'} />}
          </QueryView>
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('promotions.new')}>
          <PromotionForm products={products.data?.items ?? []} categories={categories.data ?? []} />
        </Card>
      </Col>
    </Row>
  );
}
