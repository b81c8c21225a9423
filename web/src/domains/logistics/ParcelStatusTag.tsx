import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ParcelStatus } from './types';

const colors: Record<ParcelStatus, string> = {
  created: 'default',
  awaiting_collection: 'purple',
  at_hub: 'blue',
  in_transit: 'geekblue',
  ready_for_pickup: 'gold',
  picked_up: 'green',
  handed_off: 'cyan',
  delivered: 'green',
  exception: 'red',
};

export function ParcelStatusTag({ status }: { status: ParcelStatus }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`parcelStatus.${status}`)}</Tag>;
}
