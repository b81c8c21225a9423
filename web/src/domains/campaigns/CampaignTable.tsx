import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors';
import { useMessage } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { useCancelCampaign } from './api';
import { CampaignStatusTag } from './CampaignStatusTag';
import type { Campaign } from './types';

type Props = {
  campaigns: Campaign[];
  /** Whether this reader may cancel the campaign (its own county's, or HQ). */
  canCancel: (c: Campaign) => boolean;
  onResults: (c: Campaign) => void;
  selectedId?: string | null;
};

/** Campaigns with their promotions and targets; results open beside, cancel while not over. */
export function CampaignTable({ campaigns, canCancel, onResults, selectedId }: Props) {
  const { t } = useTranslation();
  const message = useMessage();
  const errorText = useErrorText();
  const cancel = useCancelCampaign();
  return (
    <Table<Campaign>
      rowKey="id"
      size="middle"
      dataSource={campaigns}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      data-testid="campaign-table"
      rowClassName={(c) => (c.id === selectedId ? 'ant-table-row-selected' : '')}
      columns={[
        {
          key: 'name',
          title: t('campaigns.name'),
          render: (_, c) => (
            <Space size={4}>
              {c.name}
              {c.countyId === null && <Tag color="purple">{t('campaigns.hqWide')}</Tag>}
            </Space>
          ),
        },
        {
          key: 'period',
          title: t('campaigns.period'),
          render: (_, c) => `${formatDate(c.startsAt)} – ${formatDate(c.endsAt)}`,
        },
        {
          key: 'promotions',
          title: t('campaigns.promotions'),
          render: (_, c) => c.promotions.map((p) => <Tag key={p.id}>{p.name}</Tag>),
        },
        {
          key: 'targets',
          title: t('campaigns.centers'),
          render: (_, c) =>
            c.centerIds.length
              ? t('campaigns.centerCount', { n: c.centerIds.length })
              : t('campaigns.allCenters'),
        },
        {
          key: 'status',
          title: t('campaigns.state'),
          render: (_, c) => <CampaignStatusTag status={c.status} />,
        },
        {
          key: 'actions',
          title: t('centers.actions'),
          render: (_, c) => (
            <Space>
              <Button size="small" onClick={() => onResults(c)} data-testid="campaign-results-button">
                {t('campaigns.results')}
              </Button>
              {(c.status === 'scheduled' || c.status === 'running') && canCancel(c) && (
                <Popconfirm
                  title={t('campaigns.confirmCancel', { name: c.name })}
                  description={t('campaigns.cancelHint')}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    cancel.mutate(c.id, {
                      onSuccess: () => message.success(t('campaigns.cancelled', { name: c.name })),
                      onError: (error) => message.error(errorText(error), 6),
                    })
                  }
                >
                  <Button size="small" danger loading={cancel.isPending && cancel.variables === c.id}>
                    {t('campaigns.cancel')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
