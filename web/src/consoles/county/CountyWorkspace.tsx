import { Button, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useCounty } from '../../domains/network/api';
import { MessageProvider } from '../../ui/feedback';
import { CentersPage } from './CentersPage';
import { PromotionsPage } from './PromotionsPage';
import { VillagesPage } from './VillagesPage';

type Props = { countyId: string; basePath: string; backTo?: string };

/** One county's centres and villages, for its own staff and for HQ alike. */
export default function CountyWorkspace({ countyId, basePath, backTo }: Props) {
  const { t } = useTranslation();
  const county = useCounty(countyId);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const tab = pathname.endsWith('/villages')
    ? 'villages'
    : pathname.endsWith('/promotions')
      ? 'promotions'
      : 'centers';

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
        items={[
          { key: 'centers', label: t('county.tabs.centers') },
          { key: 'villages', label: t('county.tabs.villages') },
          { key: 'promotions', label: t('county.tabs.promotions') },
        ]}
      />
      <Routes>
        <Route path="centers" element={<CentersPage countyId={countyId} />} />
        <Route path="villages" element={<VillagesPage countyId={countyId} />} />
        <Route path="promotions" element={<PromotionsPage countyId={countyId} />} />
        <Route path="*" element={<Navigate to={`${basePath}/centers`} replace />} />
      </Routes>
    </MessageProvider>
  );
}
