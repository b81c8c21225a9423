import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCenters, useVillages } from '../../domains/network/api';
import { VillageForm } from '../../domains/network/VillageForm';
import { VillageTable } from '../../domains/network/VillageTable';
import { QueryView } from '../../ui/QueryView';

export function VillagesPage({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const villages = useVillages(countyId);
  const centers = useCenters(countyId);

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} lg={16}>
        <Card title={t('villages.list')}>
          <QueryView query={villages}>
            {(items) => <VillageTable villages={items} centers={centers.data ?? []} />}
          </QueryView>
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title={t('villages.new')}>
          <VillageForm countyId={countyId} />
        </Card>
      </Col>
    </Row>
  );
}
