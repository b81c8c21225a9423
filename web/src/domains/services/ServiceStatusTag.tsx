import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ServiceStatus } from './types';

const colors: Record<ServiceStatus, string> = { pending: 'gold', succeeded: 'green', failed: 'red' };

export function ServiceStatusTag({ status }: { status: ServiceStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} data-testid="service-status" data-status={status}>
      {t(`services.status.${status}`)}
    </Tag>
  );
}
