import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from './types';

const colors: Record<ApplicationStatus, string> = {
  submitted: 'blue',
  interviewed: 'purple',
  approved: 'green',
  rejected: 'default',
};

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} data-testid="application-status" data-status={status}>
      {t(`recruitment.status.${status}`)}
    </Tag>
  );
}
