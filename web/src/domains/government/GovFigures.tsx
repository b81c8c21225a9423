import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../ui/money';
import { QueryView } from '../../ui/QueryView';
import { useGovDashboard } from './api';

/** The figures the county government follows: partners, recruitment and its agreements. */
export function GovFigures({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const dashboard = useGovDashboard(countyId);
  return (
    <QueryView query={dashboard}>
      {(d) => {
        const figures = [
          { key: 'certified', value: `${d.partners.certified} / ${d.partners.total}` },
          { key: 'applications', value: d.recruitment.stages.submitted + d.recruitment.stages.interviewed },
          { key: 'approved', value: d.recruitment.stages.approved },
          { key: 'subsidy', value: formatFen(d.agreements.subsidyFen) },
        ];
        return (
          <Row gutter={[16, 16]} style={{ marginBottom: 24 }}>
            {figures.map((f) => (
              <Col key={f.key} xs={12} md={6}>
                <Card>
                  <Statistic
                    title={t(`government.figures.${f.key}`)}
                    value={f.value}
                    data-testid={`gov-${f.key}`}
                  />
                </Card>
              </Col>
            ))}
          </Row>
        );
      }}
    </QueryView>
  );
}
