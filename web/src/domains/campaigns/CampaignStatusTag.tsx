import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignStatus } from './types';

const colors = { running: 'green', scheduled: 'blue', ended: 'default', cancelled: 'red' } as const;

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`campaigns.status.${status}`)}</Tag>;
}
