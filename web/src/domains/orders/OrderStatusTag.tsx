import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from './types';

const colors: Record<OrderStatus, string> = {
  awaiting_confirmation: 'gold',
  placed: 'blue',
  shipped: 'cyan',
  at_hub: 'cyan',
  in_transit: 'cyan',
  ready_for_pickup: 'purple',
  completed: 'green',
  cancelled: 'default',
  returned: 'orange',
};

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} data-testid="order-status" data-status={status}>
      {t(`orderStatus.${status}`)}
    </Tag>
  );
}
