import { Alert } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { useUser } from '../../api/auth';
import { AppLayout } from '../../ui/AppLayout';
import { MessageProvider } from '../../ui/feedback';
import { NavBar } from '../../ui/NavBar';
import { PageLoading } from '../../ui/PageLoading';
import { FloatBadge } from './FloatBadge';
import { OrderPage } from './order/OrderPage';

// Ordering is the partner's everyday screen and loads with the console; the rest on first visit.
const OrdersPage = lazy(() => import('./OrdersPage'));
const OrderDetailPage = lazy(() => import('./OrderDetailPage'));
const ReceiptPage = lazy(() => import('./ReceiptPage'));
const VillagersPage = lazy(() => import('./VillagersPage'));
const VillagerDetailPage = lazy(() => import('./VillagerDetailPage'));
const FloatPage = lazy(() => import('./FloatPage'));
const StatementPage = lazy(() => import('./StatementPage'));
const CenterPage = lazy(() => import('./CenterPage'));
const ArrivalScanPage = lazy(() => import('./ArrivalScanPage'));
const PickupPage = lazy(() => import('./PickupPage'));
const OverduePage = lazy(() => import('./OverduePage'));
const SellersPage = lazy(() => import('./sellers/SellersPage'));
const SellerPage = lazy(() => import('./sellers/SellerPage'));
const SellerStatementPage = lazy(() => import('./sellers/SellerStatementPage'));
const ListingLabelPage = lazy(() => import('./sellers/ListingLabelPage'));
const StoreOrdersPage = lazy(() => import('./sellers/StoreOrdersPage'));
const SupportPage = lazy(() => import('./SupportPage'));
const ServicesPage = lazy(() => import('./services/ServicesPage'));
const ServiceReceiptPage = lazy(() => import('./services/ServiceReceiptPage'));

function Workspace({ centerId }: { centerId: string }) {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route index element={<OrderPage />} />
        <Route path="orders" element={<OrdersPage />} />
        <Route path="orders/:id" element={<OrderDetailPage />} />
        <Route path="orders/:id/receipt" element={<ReceiptPage />} />
        <Route path="villagers" element={<VillagersPage />} />
        <Route path="villagers/:id" element={<VillagerDetailPage />} />
        <Route path="float" element={<FloatPage centerId={centerId} />} />
        <Route path="statement" element={<StatementPage />} />
        <Route path="arrivals" element={<ArrivalScanPage centerId={centerId} />} />
        <Route path="pickup" element={<PickupPage centerId={centerId} />} />
        <Route path="overdue" element={<OverduePage centerId={centerId} />} />
        <Route path="sellers" element={<SellersPage />} />
        <Route path="sellers/:id" element={<SellerPage />} />
        <Route path="sellers/:id/statement" element={<SellerStatementPage />} />
        <Route path="sellers/:id/products/:productId/label" element={<ListingLabelPage />} />
        <Route path="store-orders" element={<StoreOrdersPage />} />
        <Route path="center" element={<CenterPage centerId={centerId} />} />
        <Route path="support" element={<SupportPage />} />
        <Route path="services" element={<ServicesPage />} />
        <Route path="services/:id/receipt" element={<ServiceReceiptPage />} />
        <Route path="*" element={<Navigate to="/partner" replace />} />
      </Routes>
    </Suspense>
  );
}

export default function PartnerConsole() {
  const { t } = useTranslation();
  const user = useUser();
  if (!user.centerId) {
    return (
      <AppLayout title={t('partner.title')}>
        <div style={{ maxWidth: 720 }}>
          <Alert type="info" showIcon title={t('partner.noCenter')} description={t('partner.noCenterHint')} />
        </div>
      </AppLayout>
    );
  }
  const nav = [
    { to: '/partner', label: t('partner.nav.order'), end: true },
    { to: '/partner/orders', label: t('partner.nav.orders') },
    { to: '/partner/services', label: t('partner.nav.services') },
    { to: '/partner/arrivals', label: t('partner.nav.arrival') },
    { to: '/partner/pickup', label: t('partner.nav.pickup') },
    { to: '/partner/overdue', label: t('partner.nav.overdue') },
    { to: '/partner/villagers', label: t('partner.nav.villagers') },
    { to: '/partner/sellers', label: t('partner.nav.sellers') },
    { to: '/partner/store-orders', label: t('partner.nav.storeOrders') },
    { to: '/partner/float', label: t('partner.nav.float') },
    { to: '/partner/statement', label: t('partner.nav.statement') },
    { to: '/partner/center', label: t('partner.nav.center') },
    { to: '/partner/support', label: t('partner.nav.support') },
  ];
  return (
    <AppLayout
      title={t('partner.title')}
      nav={<NavBar items={nav} label={t('partner.nav.label')} />}
      extra={<FloatBadge centerId={user.centerId} />}
    >
      <MessageProvider>
        <Workspace centerId={user.centerId} />
      </MessageProvider>
    </AppLayout>
  );
}
