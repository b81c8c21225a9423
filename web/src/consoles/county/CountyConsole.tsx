import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../api/auth';
import { AppLayout } from '../../ui/AppLayout';
import CountyWorkspace from './CountyWorkspace';

export default function CountyConsole() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <AppLayout title={t('county.title')}>
      {user.countyId ? (
        <CountyWorkspace countyId={user.countyId} basePath="/county" />
      ) : (
        <Result status="warning" title={t('county.noCounty')} />
      )}
    </AppLayout>
  );
}
