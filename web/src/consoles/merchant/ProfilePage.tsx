import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../api/auth';
import { api } from '../../api/client';
import type { Items } from '../../api/types';
import { formatDate } from '../../ui/format';
import { QueryView } from '../../ui/QueryView';

type Merchant = { id: string; name: string; kind: 'brand' | 'retailer'; createdAt: string };

export default function ProfilePage() {
  const { t } = useTranslation();
  const user = useUser();
  const merchants = useQuery({
    queryKey: ['merchants'],
    queryFn: () => api<Items<Merchant>>('/merchants').then((r) => r.items),
  });

  return (
    <div style={{ maxWidth: 720 }}>
      <QueryView query={merchants}>
        {(items) => {
          const merchant = items.find((m) => m.id === user.merchantId);
          if (!merchant) return <Result status="warning" title={t('merchant.missing')} />;
          return (
            <Card title={merchant.name} data-testid="merchant-card">
              <Descriptions
                column={1}
                items={[
                  { key: 'name', label: t('merchant.name'), children: merchant.name },
                  { key: 'kind', label: t('merchant.kind'), children: t(`merchant.kinds.${merchant.kind}`) },
                  { key: 'since', label: t('merchant.since'), children: formatDate(merchant.createdAt) },
                ]}
              />
            </Card>
          );
        }}
      </QueryView>
    </div>
  );
}
