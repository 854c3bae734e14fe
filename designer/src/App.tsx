import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { Loading } from './components/Feedback';
import { Layout } from './components/Layout';
import SignInPage from './pages/SignInPage';
import WorkflowsPage from './pages/WorkflowsPage';
import InstancesPage from './pages/InstancesPage';

// The canvas pages pull in React Flow (and, on demand, elkjs and RJSF): each is its own chunk.
const DesignerPage = lazy(() => import('./pages/DesignerPage'));
const VersionsPage = lazy(() => import('./pages/VersionsPage'));
const InstancePage = lazy(() => import('./pages/InstancePage'));

function Guarded() {
  const auth = useAuth();
  if (auth.status === 'loading') return <Loading label="Checking your session…" />;
  if (auth.status === 'signed-out') return <SignInPage />;
  const expired = auth.status === 'expired';
  const home = auth.can('definitions.read') ? '/workflows' : auth.can('instances.read') ? '/instances' : '/forbidden';
  return (
    <Suspense fallback={<Loading />}>
      {expired && (
        <div className="modal" role="dialog" aria-modal="true" aria-label="Session expired">
          <SignInPage reason="Your session ended. Sign in again to continue; nothing on this page is lost." />
        </div>
      )}
      <Routes>
        <Route element={<Layout inert={expired} />}>
          <Route index element={<Navigate to={home} replace />} />
          {auth.can('definitions.read') && (
            <>
              <Route path="workflows" element={<WorkflowsPage />} />
              <Route path="workflows/:id" element={<DesignerPage />} />
              <Route path="workflows/:id/versions" element={<VersionsPage />} />
            </>
          )}
          {auth.can('instances.read') && (
            <>
              <Route path="instances" element={<InstancesPage />} />
              <Route path="instances/:id" element={<InstancePage />} />
            </>
          )}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

function NotFound() {
  return (
    <section>
      <h1>Not here</h1>
      <p>This page does not exist, or your role does not include it.</p>
    </section>
  );
}

export default function App() {
  return (
    <AuthProvider>
      <BrowserRouter>
        <Guarded />
      </BrowserRouter>
    </AuthProvider>
  );
}
