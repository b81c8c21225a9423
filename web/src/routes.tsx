import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { AuthProvider, useAuth } from './api/auth';
import type { Role } from './api/types';
import { landingPath as landing } from './ui/landing';
import { PageLoading } from './ui/PageLoading';

// Each role downloads only its own console; the partner's village link is the slowest of all.
const LoginPage = lazy(() => import('./pages/LoginPage'));
const VerifyPage = lazy(() => import('./pages/VerifyPage'));
const TrackPage = lazy(() => import('./pages/TrackPage'));
const ApplyPage = lazy(() => import('./pages/ApplyPage'));
// The centre's TV: public, full screen, outside every console.
const ScreenPage = lazy(() => import('./pages/ScreenPage'));
const HqConsole = lazy(() => import('./consoles/hq/HqConsole'));
const CountyConsole = lazy(() => import('./consoles/county/CountyConsole'));
const PartnerConsole = lazy(() => import('./consoles/partner/PartnerConsole'));
const MerchantConsole = lazy(() => import('./consoles/merchant/MerchantConsole'));
const GovConsole = lazy(() => import('./consoles/gov/GovConsole'));
// The storefront is public: city buyers browse without an account, on phones too.
const Storefront = lazy(() => import('./storefront/Storefront'));

/** Renders its page only for the given roles; others are sent to login or their own landing. */
function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) return <PageLoading />;
  if (user === null) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (!roles.includes(user.role)) return <Navigate to={landing[user.role]} replace />;
  return children;
}

function Home() {
  const { user } = useAuth();
  if (user === undefined) return <PageLoading />;
  return <Navigate to={user ? landing[user.role] : '/login'} replace />;
}

export function AppRoutes() {
  return (
    <AuthProvider>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/verify/:centerId" element={<VerifyPage />} />
          <Route path="/track" element={<TrackPage />} />
          <Route path="/apply" element={<ApplyPage />} />
          <Route path="/screen/:token" element={<ScreenPage />} />
          <Route
            path="/hq/*"
            element={
              <RequireRole roles={['hq_admin']}>
                <HqConsole />
              </RequireRole>
            }
          />
          <Route
            path="/county/*"
            element={
              <RequireRole roles={['county_staff']}>
                <CountyConsole />
              </RequireRole>
            }
          />
          <Route
            path="/partner/*"
            element={
              <RequireRole roles={['partner']}>
                <PartnerConsole />
              </RequireRole>
            }
          />
          <Route
            path="/merchant/*"
            element={
              <RequireRole roles={['merchant']}>
                <MerchantConsole />
              </RequireRole>
            }
          />
          <Route
            path="/gov"
            element={
              <RequireRole roles={['gov_viewer']}>
                <GovConsole />
              </RequireRole>
            }
          />
          <Route path="/store/*" element={<Storefront />} />
          <Route path="*" element={<Home />} />
        </Routes>
      </Suspense>
    </AuthProvider>
  );
}
