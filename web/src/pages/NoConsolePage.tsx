import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { AppLayout } from '../ui/AppLayout';

export default function NoConsolePage() {
  const { t } = useTranslation();
  return (
    <AppLayout title={t('noConsole.title')}>
      <Result status="info" title={t('noConsole.title')} subTitle={t('noConsole.hint')} />
    </AppLayout>
  );
}
