import { Card, Col, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCampaigns } from '../../domains/campaigns/api';
import { CampaignForm } from '../../domains/campaigns/CampaignForm';
import { CampaignResultsView } from '../../domains/campaigns/CampaignResultsView';
import { CampaignTable } from '../../domains/campaigns/CampaignTable';
import { usePromotions } from '../../domains/catalog/api';
import { QueryView } from '../../ui/QueryView';

/**
 * HQ-wide campaigns: every open centre of the country. A county's own campaigns are run from
 * that county's workspace (营销活动 tab), where its centres can be picked.
 */
export function CampaignsPage() {
  const { t } = useTranslation();
  const campaigns = useCampaigns();
  const promotions = usePromotions();
  const [selected, setSelected] = useState<{ id: string; name: string } | null>(null);
  const national = campaigns.data?.filter((c) => c.countyId === null);
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={16}>
        <Card title={t('campaigns.national')}>
          <QueryView query={campaigns}>
            {() => (
              <CampaignTable
                campaigns={national ?? []}
                canCancel={() => true}
                onResults={(c) => setSelected({ id: c.id, name: c.name })}
                selectedId={selected?.id ?? null}
              />
            )}
          </QueryView>
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('campaigns.newNational')}>
          <CampaignForm countyId={null} promotions={promotions.data ?? []} />
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
