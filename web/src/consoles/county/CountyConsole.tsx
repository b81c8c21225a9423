import { Result } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { useUser } from '../../api/auth';
import { AppLayout } from '../../ui/AppLayout';
import { PageLoading } from '../../ui/PageLoading';
import CountyWorkspace from './CountyWorkspace';

// Printed pages carry the barcode renderer; they load only when a sheet or label is opened.
const RunSheetPage = lazy(() => import('./hub/RunSheetPage'));
const ParcelLabelPage = lazy(() => import('./hub/ParcelLabelPage'));

export default function CountyConsole() {
  const { t } = useTranslation();
  const user = useUser();
  const countyId = user.countyId;
  return (
    <AppLayout title={t('county.title')}>
      {countyId ? (
        <Suspense fallback={<PageLoading />}>
          <Routes>
            <Route path="runs/:id/sheet" element={<RunSheetPage countyId={countyId} />} />
            <Route path="parcels/:trackingNumber/label" element={<ParcelLabelPage countyId={countyId} />} />
            <Route path="*" element={<CountyWorkspace countyId={countyId} basePath="/county" hub />} />
          </Routes>
        </Suspense>
      ) : (
        <Result status="warning" title={t('county.noCounty')} />
      )}
    </AppLayout>
  );
}
