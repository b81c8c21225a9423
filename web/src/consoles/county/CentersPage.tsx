import { Button, Card, Col, Drawer, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../api/auth';
import { CenterFloat } from '../../domains/ledger/CenterFloat';
import { useCenters, usePartners, useVillages } from '../../domains/network/api';
import { CenterForm } from '../../domains/network/CenterForm';
import { CenterTable } from '../../domains/network/CenterTable';
import { PartnerUserForm } from '../../domains/network/PartnerUserForm';
import type { Center } from '../../domains/network/types';
import { CenterOnboarding } from '../../domains/onboarding/CenterOnboarding';
import { useCertification } from '../../domains/training/api';
import { CertificationTag } from '../../domains/training/CertificationTag';
import { QueryView } from '../../ui/QueryView';

export function CentersPage({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const centers = useCenters(countyId);
  const villages = useVillages(countyId);
  const partners = usePartners(countyId);
  const partnersById = new Map((partners.data ?? []).map((p) => [p.id, p]));
  // HQ sees the same page but only the county's own staff record money paid in.
  const canDeposit = useUser().role === 'county_staff';
  const certification = useCertification(countyId);
  const certificationOf = new Map((certification.data ?? []).map((c) => [c.userId, c]));
  const certificationColumn = {
    key: 'certification',
    title: t('training.certification'),
    render: (_: unknown, c: Center) =>
      c.partnerUserId ? <CertificationTag certification={certificationOf.get(c.partnerUserId)} /> : null,
  };
  const [onboarding, setOnboarding] = useState<Center | null>(null);
  const onboardingColumn = {
    key: 'onboarding',
    title: t('onboarding.title'),
    render: (_: unknown, c: Center) => (
      <Button size="small" onClick={() => setOnboarding(c)} data-testid="open-onboarding">
        {t('onboarding.open')}
      </Button>
    ),
  };
  const floatColumn = {
    key: 'float',
    title: t('float.short'),
    render: (_: unknown, c: Center) => (
      <CenterFloat centerId={c.id} centerName={c.name} canDeposit={canDeposit} />
    ),
  };

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={17}>
        <Card title={t('centers.list')}>
          <QueryView query={centers}>
            {(items) => (
              <CenterTable
                centers={items}
                partners={partnersById}
                manage
                extraColumns={[certificationColumn, onboardingColumn, floatColumn]}
              />
            )}
          </QueryView>
        </Card>
      </Col>
      <Col xs={24} xl={7}>
        <Card title={t('centers.new')} style={{ marginBottom: 24 }}>
          <QueryView query={villages}>
            {(items) => <CenterForm countyId={countyId} villages={items} />}
          </QueryView>
        </Card>
        <Card title={t('partners.new')}>
          <PartnerUserForm countyId={countyId} />
        </Card>
      </Col>
      <Drawer
        open={onboarding !== null}
        onClose={() => setOnboarding(null)}
        title={onboarding ? t('onboarding.drawerTitle', { name: onboarding.name }) : ''}
        size={520}
        destroyOnHidden
      >
        {onboarding && <CenterOnboarding centerId={onboarding.id} manage={canDeposit} />}
      </Drawer>
    </Row>
  );
}
