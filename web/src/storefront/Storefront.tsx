import { Badge, Button, Input } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../api/auth';
import { MessageProvider } from '../ui/feedback';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { PageLoading } from '../ui/PageLoading';
import { useCart } from './cart';
import { HomePage } from './HomePage';

const ProductPage = lazy(() => import('./ProductPage'));
const CartPage = lazy(() => import('./CartPage'));
const AccountPage = lazy(() => import('./AccountPage'));
const MyOrdersPage = lazy(() => import('./MyOrdersPage'));
const MyOrderPage = lazy(() => import('./MyOrderPage'));

const header = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: 12,
  padding: '10px 16px',
  background: '#14532d',
  color: '#fff',
} as const;
const headerLink = { color: '#fff', whiteSpace: 'nowrap' } as const;

function StoreHeader() {
  const { t } = useTranslation();
  const { user, logout } = useAuth();
  const lines = useCart();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const count = lines.reduce((n, l) => n + l.quantity, 0);
  return (
    <header style={header}>
      <Link to="/store" style={{ ...headerLink, fontSize: 20, fontWeight: 600 }} data-testid="store-home">
        {t('store.name')}
      </Link>
      <Input.Search
        key={params.get('q') ?? ''}
        defaultValue={params.get('q') ?? ''}
        placeholder={t('store.searchPlaceholder')}
        aria-label={t('store.search')}
        allowClear
        onSearch={(text) => navigate(text.trim() ? `/store?q=${encodeURIComponent(text.trim())}` : '/store')}
        style={{ flex: '1 1 220px', maxWidth: 420 }}
        data-testid="store-search"
      />
      <nav style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 16, marginLeft: 'auto' }}>
        <Link to="/store/cart" style={headerLink} data-testid="cart-link">
          <Badge count={count} size="small" offset={[8, -2]}>
            <span style={{ color: '#fff' }}>{t('store.cart')}</span>
          </Badge>
        </Link>
        {user?.role === 'buyer' && (
          <Link to="/store/orders" style={headerLink}>
            {t('store.myOrders')}
          </Link>
        )}
        {user ? (
          <>
            <span data-testid="current-user">{user.displayName}</span>
            <Button
              size="small"
              data-testid="logout"
              onClick={async () => {
                await logout();
                navigate('/store', { replace: true });
              }}
            >
              {t('layout.logout')}
            </Button>
          </>
        ) : (
          user === null && (
            <>
              <Link to="/store/login" style={headerLink}>
                {t('store.signIn')}
              </Link>
              <Link to="/store/signup" style={headerLink}>
                {t('store.signUp')}
              </Link>
            </>
          )
        )}
        <LanguageSwitch />
      </nav>
    </header>
  );
}

/**
 * Buyers' own pages: others are asked to sign in, or told this needs a buyer account. A link
 * rather than a redirect: signing out here navigates home in a transition, and a redirect
 * rendered in between would win the race and land on the sign-in page.
 */
export function RequireBuyer({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) return <PageLoading />;
  if (user === null) {
    return (
      <p data-testid="sign-in-first">
        {t('store.signInFirst')}{' '}
        <Link to="/store/login" state={{ from: location.pathname }}>
          {t('store.signIn')}
        </Link>
      </p>
    );
  }
  if (user.role !== 'buyer') return <p data-testid="buyer-only">{t('store.buyerOnly')}</p>;
  return children;
}

/** The public storefront of village products: browsing needs no account, buying a buyer's. */
export default function Storefront() {
  return (
    <div style={{ minHeight: '100vh', background: '#f6f7f5' }}>
      <StoreHeader />
      <main style={{ maxWidth: 1080, margin: '0 auto', padding: 16 }}>
        <MessageProvider>
          <Suspense fallback={<PageLoading />}>
            <Routes>
              <Route index element={<HomePage />} />
              <Route path="p/:id" element={<ProductPage />} />
              <Route path="cart" element={<CartPage />} />
              <Route path="login" element={<AccountPage mode="signIn" />} />
              <Route path="signup" element={<AccountPage mode="signUp" />} />
              <Route
                path="orders"
                element={
                  <RequireBuyer>
                    <MyOrdersPage />
                  </RequireBuyer>
                }
              />
              <Route
                path="orders/:id"
                element={
                  <RequireBuyer>
                    <MyOrderPage />
                  </RequireBuyer>
                }
              />
              <Route path="*" element={<Navigate to="/store" replace />} />
            </Routes>
          </Suspense>
        </MessageProvider>
      </main>
    </div>
  );
}
