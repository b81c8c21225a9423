import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketStatus } from './api';

const colors: Record<TicketStatus, string> = { open: 'orange', in_progress: 'blue', resolved: 'green' };

export function TicketStatusTag({ status }: { status: TicketStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} data-testid="ticket-status" data-status={status}>
      {t(`support.status.${status}`)}
    </Tag>
  );
}
