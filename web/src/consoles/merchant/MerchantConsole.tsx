import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { useUser } from '../../api/auth';
import { AppLayout } from '../../ui/AppLayout';
import { MessageProvider } from '../../ui/feedback';
import { NavBar } from '../../ui/NavBar';
import { PageLoading } from '../../ui/PageLoading';

const ProductsPage = lazy(() => import('./ProductsPage'));
const PromotionsPage = lazy(() => import('./PromotionsPage'));
const OrdersPage = lazy(() => import('./OrdersPage'));
const PayablePage = lazy(() => import('./PayablePage'));
const ProfilePage = lazy(() => import('./ProfilePage'));

export default function MerchantConsole() {
  const { t } = useTranslation();
  const user = useUser();
  const nav = [
    { to: '/merchant', label: t('merchant.nav.products'), end: true },
    { to: '/merchant/promotions', label: t('merchant.nav.promotions') },
    { to: '/merchant/orders', label: t('merchant.nav.orders') },
    { to: '/merchant/payable', label: t('merchant.nav.payable') },
    { to: '/merchant/profile', label: t('merchant.nav.profile') },
  ];
  return (
    <AppLayout title={t('merchant.title')} nav={<NavBar items={nav} label={t('merchant.title')} />}>
      <MessageProvider>
        <Suspense fallback={<PageLoading />}>
          <Routes>
            <Route index element={<ProductsPage />} />
            <Route path="promotions" element={<PromotionsPage />} />
            <Route path="orders" element={<OrdersPage />} />
            <Route path="payable" element={<PayablePage merchantId={user.merchantId ?? ''} />} />
            <Route path="profile" element={<ProfilePage />} />
            <Route path="*" element={<Navigate to="/merchant" replace />} />
          </Routes>
        </Suspense>
      </MessageProvider>
    </AppLayout>
  );
}
