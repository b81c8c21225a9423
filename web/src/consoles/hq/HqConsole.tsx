import { Card, Col, Row } from 'antd';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router';
import { useCounties } from '../../domains/network/api';
import { CountyForm } from '../../domains/network/CountyForm';
import { CountyTable } from '../../domains/network/CountyTable';
import { ServiceSummary } from '../../domains/services/ServiceSummary';
import { AppLayout } from '../../ui/AppLayout';
import { MessageProvider } from '../../ui/feedback';
import { NavBar } from '../../ui/NavBar';
import { QueryView } from '../../ui/QueryView';
import { CampaignsPage } from './CampaignsPage';
import { CoursesPage } from './CoursesPage';
import { RolloutPage } from './RolloutPage';
import { RubricsPage } from './RubricsPage';

const CountyWorkspace = lazy(() => import('../county/CountyWorkspace'));

function HqNav() {
  const { t } = useTranslation();
  return (
    <NavBar
      label={t('hq.title')}
      items={[
        { to: '/hq', label: t('hq.nav.counties'), end: true },
        { to: '/hq/rollout', label: t('hq.nav.rollout') },
        { to: '/hq/campaigns', label: t('hq.nav.campaigns') },
        { to: '/hq/courses', label: t('hq.nav.courses') },
        { to: '/hq/rubrics', label: t('hq.nav.rubrics') },
      ]}
    />
  );
}

function CountiesPage() {
  const { t } = useTranslation();
  const counties = useCounties();
  return (
    <AppLayout title={t('hq.title')} nav={<HqNav />}>
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={16}>
          <Card title={t('counties.list')}>
            <QueryView query={counties}>
              {(items) => <CountyTable counties={items} linkBase="/hq/counties" />}
            </QueryView>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('counties.new')}>
            <CountyForm />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('services.nationalVolumes')}>
            <ServiceSummary />
          </Card>
        </Col>
      </Row>
    </AppLayout>
  );
}

/** HQ works inside any county with the same pages as that county's staff. */
function HqCounty() {
  const { t } = useTranslation();
  const { countyId = '' } = useParams();
  return (
    <AppLayout title={t('hq.title')}>
      <CountyWorkspace
        countyId={countyId}
        basePath={`/hq/counties/${encodeURIComponent(countyId)}`}
        backTo="/hq"
      />
    </AppLayout>
  );
}

export default function HqConsole() {
  const { t } = useTranslation();
  return (
    <Routes>
      <Route
        index
        element={
          <MessageProvider>
            <CountiesPage />
          </MessageProvider>
        }
      />
      <Route
        path="rollout"
        element={
          <MessageProvider>
            <AppLayout title={t('hq.title')} nav={<HqNav />}>
              <RolloutPage />
            </AppLayout>
          </MessageProvider>
        }
      />
      <Route
        path="campaigns"
        element={
          <MessageProvider>
            <AppLayout title={t('hq.title')} nav={<HqNav />}>
              <CampaignsPage />
            </AppLayout>
          </MessageProvider>
        }
      />
      <Route
        path="courses"
        element={
          <MessageProvider>
            <AppLayout title={t('hq.title')} nav={<HqNav />}>
              <CoursesPage />
            </AppLayout>
          </MessageProvider>
        }
      />
      <Route
        path="rubrics"
        element={
          <MessageProvider>
            <AppLayout title={t('hq.title')} nav={<HqNav />}>
              <RubricsPage />
            </AppLayout>
          </MessageProvider>
        }
      />
      <Route path="counties/:countyId/*" element={<HqCounty />} />
    </Routes>
  );
}
