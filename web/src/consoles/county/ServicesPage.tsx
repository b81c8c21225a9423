import { Card, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServiceRequests } from '../../domains/services/api';
import { ServiceRequestTable } from '../../domains/services/ServiceRequestTable';
import { ServiceSummary } from '../../domains/services/ServiceSummary';
import type { ServiceStatus } from '../../domains/services/types';
import { QueryView } from '../../ui/QueryView';

/** The county's everyday services: volumes per kind, and the requests that failed or wait. */
export function ServicesPage({ countyId }: { countyId: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ServiceStatus>('failed');
  const requests = useServiceRequests({ countyId, status });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('services.volumes')}>
        <ServiceSummary countyId={countyId} />
      </Card>
      <Card
        title={t('services.requests')}
        extra={
          <Select
            value={status}
            onChange={setStatus}
            aria-label={t('services.statusLabel')}
            style={{ width: 140 }}
            options={(['failed', 'pending', 'succeeded'] as const).map((s) => ({
              value: s,
              label: t(`services.status.${s}`),
            }))}
          />
        }
      >
        <QueryView query={requests}>{(items) => <ServiceRequestTable requests={items} />}</QueryView>
      </Card>
    </Space>
  );
}
