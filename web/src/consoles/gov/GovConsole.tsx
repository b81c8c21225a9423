import { Card, Col, Result, Row, Statistic } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../api/auth';
import { useCampaigns } from '../../domains/campaigns/api';
import { CampaignResultsView } from '../../domains/campaigns/CampaignResultsView';
import { CampaignTable } from '../../domains/campaigns/CampaignTable';
import { AgreementTable } from '../../domains/government/AgreementTable';
import { useAgreements } from '../../domains/government/api';
import { GovFigures } from '../../domains/government/GovFigures';
import { useCenters, useCounty, useVillages } from '../../domains/network/api';
import { CenterTable } from '../../domains/network/CenterTable';
import type { Center, Village } from '../../domains/network/types';
import { VillageTable } from '../../domains/network/VillageTable';
import { useLeaderboard } from '../../domains/performance/api';
import { LeaderboardTable } from '../../domains/performance/LeaderboardTable';
import { PeriodSwitch } from '../../domains/performance/PeriodSwitch';
import type { PerformancePeriod } from '../../domains/performance/types';
import { ServiceSummary } from '../../domains/services/ServiceSummary';
import { AppLayout } from '../../ui/AppLayout';
import { MessageProvider } from '../../ui/feedback';
import { QueryView } from '../../ui/QueryView';

function Figures({ villages, centers }: { villages: Village[]; centers: Center[] }) {
  const { t } = useTranslation();
  const open = centers.filter((c) => c.status === 'open');
  const covered = new Set(open.map((c) => c.villageId));
  const figures = [
    { key: 'villages', value: villages.length },
    { key: 'centers', value: centers.filter((c) => c.status !== 'closed').length },
    { key: 'open', value: open.length },
    { key: 'uncovered', value: villages.filter((v) => !covered.has(v.id)).length },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 24 }}>
      {figures.map((f) => (
        <Col key={f.key} xs={12} md={6}>
          <Card>
            <Statistic title={t(`gov.figures.${f.key}`)} value={f.value} data-testid={`figure-${f.key}`} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** The centres' league table, read-only: partners' earnings are theirs and the platform's, not the government's. */
function Leaderboard({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<PerformancePeriod>('month');
  const board = useLeaderboard(countyId, period);
  return (
    <Card
      title={t('performance.leaderboard')}
      extra={<PeriodSwitch value={period} onChange={setPeriod} />}
      style={{ marginBottom: 24 }}
    >
      <QueryView query={board}>{(rows) => <LeaderboardTable rows={rows} showEarnings={false} />}</QueryView>
    </Card>
  );
}

/** The county's marketing campaigns and their results, read-only. */
function Campaigns({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const campaigns = useCampaigns(countyId);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <Card title={t('campaigns.list')} style={{ marginBottom: 24 }}>
      <MessageProvider>
        <QueryView query={campaigns}>
          {(items) => (
            <CampaignTable
              campaigns={items}
              canCancel={() => false}
              onResults={(c) => setSelected(c.id)}
              selectedId={selected}
            />
          )}
        </QueryView>
      </MessageProvider>
      {selected && (
        <div style={{ marginTop: 24 }}>
          <CampaignResultsView campaignId={selected} />
        </div>
      )}
    </Card>
  );
}

function Overview({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const county = useCounty(countyId);
  const villages = useVillages(countyId);
  const centers = useCenters(countyId);
  const agreements = useAgreements(countyId);
  return (
    <>
      <h2 style={{ marginTop: 0 }}>{county.data ? `${county.data.province} ${county.data.name}` : ' '}</h2>
      <QueryView query={centers}>
        {(centerItems) => (
          <QueryView query={villages}>
            {(villageItems) => (
              <>
                <Figures villages={villageItems} centers={centerItems} />
                <GovFigures countyId={countyId} />
                <Card title={t('government.agreements')} style={{ marginBottom: 24 }}>
                  <QueryView query={agreements}>{(items) => <AgreementTable agreements={items} />}</QueryView>
                </Card>
                <Leaderboard countyId={countyId} />
                <Card title={t('centers.list')} style={{ marginBottom: 24 }}>
                  <CenterTable centers={centerItems} />
                </Card>
                <Card title={t('villages.list')} style={{ marginBottom: 24 }}>
                  <VillageTable villages={villageItems} centers={centerItems} />
                </Card>
                <Campaigns countyId={countyId} />
                <Card title={t('services.volumes')}>
                  <ServiceSummary countyId={countyId} />
                </Card>
              </>
            )}
          </QueryView>
        )}
      </QueryView>
    </>
  );
}

/** Read-only: the county's commerce bureau follows coverage without changing anything. */
export default function GovConsole() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <AppLayout title={t('gov.title')}>
      {user.countyId ? (
        <Overview countyId={user.countyId} />
      ) : (
        <Result status="warning" title={t('county.noCounty')} />
      )}
    </AppLayout>
  );
}
