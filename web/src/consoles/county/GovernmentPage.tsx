import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../api/auth';
import { AgreementForm } from '../../domains/government/AgreementForm';
import { AgreementTable } from '../../domains/government/AgreementTable';
import { useAgreements } from '../../domains/government/api';
import { GovFigures } from '../../domains/government/GovFigures';
import { QueryView } from '../../ui/QueryView';

/** The county's co-operation with its government: what it sees, and the agreements signed. */
export function GovernmentPage({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const agreements = useAgreements(countyId);
  const role = useUser().role;
  const canRecord = role === 'county_staff' || role === 'hq_admin';
  return (
    <>
      <GovFigures countyId={countyId} />
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={canRecord ? 16 : 24}>
          <Card title={t('government.agreements')}>
            <QueryView query={agreements}>{(items) => <AgreementTable agreements={items} />}</QueryView>
          </Card>
        </Col>
        {canRecord && (
          <Col xs={24} xl={8}>
            <Card title={t('government.new')}>
              <AgreementForm countyId={countyId} />
            </Card>
          </Col>
        )}
      </Row>
    </>
  );
}
