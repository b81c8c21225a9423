import { Card, Col, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../api/auth';
import { useCampaigns } from '../../domains/campaigns/api';
import { CampaignForm } from '../../domains/campaigns/CampaignForm';
import { CampaignResultsView } from '../../domains/campaigns/CampaignResultsView';
import { CampaignTable } from '../../domains/campaigns/CampaignTable';
import { usePromotions } from '../../domains/catalog/api';
import { useCenters } from '../../domains/network/api';
import { QueryView } from '../../ui/QueryView';

/** 营销活动: the county's campaigns and HQ's national ones, a form for new ones, and results. */
export function CampaignsPage({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const campaigns = useCampaigns(countyId);
  const promotions = usePromotions(countyId);
  const centers = useCenters(countyId);
  const [selected, setSelected] = useState<{ id: string; name: string } | null>(null);
  // HQ-wide campaigns are HQ's to cancel; a county's own, its staff's (and HQ's).
  const canCancel = (c: { countyId: string | null }) => user.role === 'hq_admin' || c.countyId === countyId;
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={16}>
        <Card title={t('campaigns.list')}>
          <QueryView query={campaigns}>
            {(items) => (
              <CampaignTable
                campaigns={items}
                canCancel={canCancel}
                onResults={(c) => setSelected({ id: c.id, name: c.name })}
                selectedId={selected?.id ?? null}
              />
            )}
          </QueryView>
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('campaigns.new')}>
          <CampaignForm countyId={countyId} promotions={promotions.data ?? []} centers={centers.data ?? []} />
        </Card>
      </Col>
      {selected && (
        <Col xs={24}>
          <Card title={t('campaigns.resultsOf', { name: selected.name })}>
            <CampaignResultsView campaignId={selected.id} />
          </Card>
        </Col>
      )}
    </Row>
  );
}
