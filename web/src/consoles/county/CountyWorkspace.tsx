import { Button, Space, Tabs, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useCounty } from '../../domains/network/api';
import { MessageProvider } from '../../ui/feedback';
import { PageLoading } from '../../ui/PageLoading';
import { CampaignsPage } from './CampaignsPage';
import { CentersPage } from './CentersPage';
import { GovernmentPage } from './GovernmentPage';
import { PerformancePage } from './PerformancePage';
import { PromotionsPage } from './PromotionsPage';
import { RecruitmentPage } from './RecruitmentPage';
import { ServicesPage } from './ServicesPage';
import { SupportPage } from './SupportPage';
import { TrainingPage } from './TrainingPage';
import { VillagesPage } from './VillagesPage';
import { VisitsPage } from './VisitsPage';

// The hub's pages are the county staff's alone and load on first visit.
const ScanStation = lazy(() => import('./hub/ScanStation'));
const RunsPage = lazy(() => import('./hub/RunsPage'));
const ParcelsPage = lazy(() => import('./hub/ParcelsPage'));
const ReviewPage = lazy(() => import('./ReviewPage'));

type Props = {
  countyId: string;
  basePath: string;
  backTo?: string;
  /** The hub's scanning, runs and parcels, and the review of village products: for the county's own staff, not HQ's visits. */
  hub?: boolean;
};

const networkTabs = [
  'centers',
  'performance',
  'visits',
  'villages',
  'recruitment',
  'training',
  'government',
  'promotions',
  'campaigns',
  'services',
] as const;
const hubTabs = ['scan', 'runs', 'parcels', 'listings', 'support'] as const;

/** One county's centres and villages, for its own staff and for HQ alike. */
export default function CountyWorkspace({ countyId, basePath, backTo, hub = false }: Props) {
  const { t } = useTranslation();
  const county = useCounty(countyId);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const tabs: readonly string[] = hub ? [...networkTabs, ...hubTabs] : networkTabs;
  const segment = pathname.slice(basePath.length + 1).split('/')[0] ?? '';
  const tab = tabs.includes(segment) ? segment : 'centers';

  return (
    <MessageProvider>
      <Space align="baseline" style={{ marginBottom: 8 }}>
        {backTo && (
          <Button size="small" onClick={() => navigate(backTo)}>
            {t('common.back')}
          </Button>
        )}
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="county-name">
          {county.data ? `${county.data.province} ${county.data.name}` : ' '}
        </Typography.Title>
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(`${basePath}/${key}`)}
        items={tabs.map((key) => ({ key, label: t(`county.tabs.${key}`) }))}
      />
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="centers" element={<CentersPage countyId={countyId} />} />
          <Route path="performance" element={<PerformancePage countyId={countyId} />} />
          <Route path="visits" element={<VisitsPage countyId={countyId} />} />
          <Route path="villages" element={<VillagesPage countyId={countyId} />} />
          <Route path="recruitment" element={<RecruitmentPage countyId={countyId} />} />
          <Route path="training" element={<TrainingPage countyId={countyId} />} />
          <Route path="government" element={<GovernmentPage countyId={countyId} />} />
          <Route path="promotions" element={<PromotionsPage countyId={countyId} />} />
          <Route path="campaigns" element={<CampaignsPage countyId={countyId} />} />
          <Route path="services" element={<ServicesPage countyId={countyId} />} />
          {hub && <Route path="scan" element={<ScanStation countyId={countyId} />} />}
          {hub && <Route path="runs" element={<RunsPage countyId={countyId} />} />}
          {hub && <Route path="parcels" element={<ParcelsPage countyId={countyId} />} />}
          {hub && <Route path="listings" element={<ReviewPage />} />}
          {hub && <Route path="support" element={<SupportPage countyId={countyId} />} />}
          <Route path="*" element={<Navigate to={`${basePath}/centers`} replace />} />
        </Routes>
      </Suspense>
    </MessageProvider>
  );
}
