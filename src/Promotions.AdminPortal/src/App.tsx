import { lazy, Suspense, useEffect, useState } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { session } from './auth/session';
import { useRoles } from './auth/useSession';
import { can } from './auth/roles';
import { ErrorBox, Spinner } from './ui/kit';
import { SignIn } from './pages/SignIn';

const Dashboard = lazy(() => import('./pages/Dashboard'));
const Campaigns = lazy(() => import('./pages/Campaigns'));
const CampaignPage = lazy(() => import('./pages/CampaignPage'));
const CampaignForm = lazy(() => import('./pages/CampaignForm'));
const PromotionBuilder = lazy(() => import('./pages/PromotionBuilder'));
const Codes = lazy(() => import('./pages/Codes'));
const Assets = lazy(() => import('./pages/Assets'));
const People = lazy(() => import('./pages/People'));
const Redemptions = lazy(() => import('./pages/Redemptions'));

export function App() {
  const roles = useRoles();
  const location = useLocation();
  if (location.pathname === '/callback') return <Callback />;
  if (location.pathname === '/sign-in') return <SignIn />;
  if (roles.length === 0) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return (
    <div className="shell">
      <nav className="nav" aria-label="Main">
        <div className="brand">Promotions</div>
        {can.analytics(roles) && <NavLink to="/" end>Overview</NavLink>}
        <NavLink to="/campaigns">Campaigns</NavLink>
        <NavLink to="/codes">Codes</NavLink>
        <NavLink to="/assets">Assets</NavLink>
        <NavLink to="/segments">Segments &amp; customers</NavLink>
        <NavLink to="/redemption-lookup">Redemptions</NavLink>
        <div className="who">Signed in as <strong>{roles.join(', ')}</strong><br /><button onClick={() => session.signOut()}>Sign out</button></div>
      </nav>
      <main className="main" id="main">
        <Suspense fallback={<Spinner />}>
          <Routes>
            <Route path="/" element={can.analytics(roles) ? <Dashboard /> : <Navigate to="/campaigns" replace />} />
            <Route path="/campaigns" element={<Campaigns />} />
            <Route path="/campaigns/new" element={<CampaignForm />} />
            <Route path="/campaigns/:id" element={<CampaignPage />} />
            <Route path="/campaigns/:id/edit" element={<CampaignForm />} />
            <Route path="/promotions/new" element={<PromotionBuilder />} />
            <Route path="/promotions/:id" element={<PromotionBuilder />} />
            <Route path="/codes" element={<Codes />} />
            <Route path="/assets" element={<Assets />} />
            <Route path="/segments" element={<People />} />
            {/* Not /redemptions: that path is the Redemption API's, and client routes never share a path with the API. */}
            <Route path="/redemption-lookup" element={<Redemptions />} />
            <Route path="*" element={<p>No such page. <NavLink to="/campaigns">Campaigns</NavLink></p>} />
          </Routes>
        </Suspense>
      </main>
    </div>
  );
}

/** The Cognito hosted UI's redirect back: exchanges the code, then goes home. */
function Callback() {
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    session.completeCognito(window.location.search).then(() => navigate('/', { replace: true }), setError);
  }, [navigate]);
  return <div className="main">{error ? <ErrorBox error={error} /> : <Spinner label="Signing in…" />}</div>;
}
