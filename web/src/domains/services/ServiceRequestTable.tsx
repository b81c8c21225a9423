import { Table } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { formatFen } from '../../ui/money';
import { ServiceStatusTag } from './ServiceStatusTag';
import type { ServiceRequest } from './types';

/** What a request was for, in a few words: the number, the account, or the trip. */
export function useServiceSubject() {
  const { t } = useTranslation();
  return (r: Pick<ServiceRequest, 'kind' | 'details'>) => {
    const d = r.details;
    if (r.kind === 'mobile_topup') return `${d.phone} · ${t(`services.carrier.${d.carrier}`)}`;
    if (r.kind === 'utility_bill') return `${t(`services.utility.${d.utility}`)} · ${d.accountNo}`;
    return `${d.from} → ${d.to} · ${d.date} · ${d.passenger}`;
  };
}

export function ServiceRequestTable({
  requests,
  link,
}: {
  requests: ServiceRequest[];
  link?: (r: ServiceRequest) => ReactNode;
}) {
  const { t } = useTranslation();
  const subject = useServiceSubject();
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={requests}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: true }}
      data-testid="service-requests"
      columns={[
        { title: t('services.receiptNo'), dataIndex: 'receiptNo', render: (v, r) => (link ? link(r) : v) },
        { title: t('services.kindLabel'), dataIndex: 'kind', render: (k) => t(`services.kind.${k}`) },
        { title: t('services.subject'), key: 'subject', render: (_, r) => subject(r) },
        { title: t('services.amount'), dataIndex: 'amountFen', align: 'right', render: formatFen },
        { title: t('services.fee'), dataIndex: 'feeFen', align: 'right', render: formatFen },
        {
          title: t('services.statusLabel'),
          dataIndex: 'status',
          render: (s) => <ServiceStatusTag status={s} />,
        },
        {
          title: t('services.failureReason'),
          dataIndex: 'failureReason',
          render: (v: string | null) => (v ? t(`services.reason.${v}`, { defaultValue: v }) : ''),
        },
        { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
      ]}
    />
  );
}
