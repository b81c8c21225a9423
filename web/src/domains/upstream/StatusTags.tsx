import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListingStatus, StoreOrderStatus } from './types';

const listingColors: Record<ListingStatus, string> = {
  pending_review: 'gold',
  active: 'green',
  rejected: 'red',
  inactive: 'default',
};

export function ListingStatusTag({ status }: { status: ListingStatus }) {
  const { t } = useTranslation();
  return <Tag color={listingColors[status]}>{t(`listings.status.${status}`)}</Tag>;
}

const orderColors: Record<StoreOrderStatus, string> = {
  placed: 'blue',
  collected: 'gold',
  delivered: 'green',
  cancelled: 'default',
};

export function StoreOrderStatusTag({ status }: { status: StoreOrderStatus }) {
  const { t } = useTranslation();
  return <Tag color={orderColors[status]}>{t(`store.orderStatus.${status}`)}</Tag>;
}
