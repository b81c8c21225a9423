import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CenterStatus } from './types';

const colors: Record<CenterStatus, string> = {
  planned: 'blue',
  open: 'green',
  suspended: 'orange',
  closed: 'default',
};

export function CenterStatusTag({ status }: { status: CenterStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} data-testid="center-status" data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}
