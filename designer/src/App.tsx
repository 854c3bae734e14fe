import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { Loading } from './components/Feedback';
import { Layout } from './components/Layout';
import { homePath } from './lib/permissions';
import { importDesigner, loadedDesignerModule } from './pages/prefetch';
import SignInPage from './pages/SignInPage';
import WorkflowsPage from './pages/WorkflowsPage';
import InstancesPage from './pages/InstancesPage';

// The canvas pages pull in React Flow (and, on demand, elkjs and RJSF): each is its own chunk. So do the task pages (RJSF).
const LazyDesignerPage = lazy(importDesigner);
const VersionsPage = lazy(() => import('./pages/VersionsPage'));
const InstancePage = lazy(() => import('./pages/InstancePage'));
const InboxPage = lazy(() => import('./pages/InboxPage'));
const TaskPage = lazy(() => import('./pages/TaskPage'));
const ClientPage = lazy(() => import('./pages/ClientPage'));
const EscalationsPage = lazy(() => import('./pages/EscalationsPage'));
const EscalationPage = lazy(() => import('./pages/EscalationPage'));
const EscalationClientPage = lazy(() => import('./pages/EscalationClientPage'));

function Guarded() {
  const auth = useAuth();
  if (auth.status === 'loading') return <Loading label="Checking your session…" />;
  if (auth.status === 'signed-out') return <SignInPage />;
  const expired = auth.status === 'expired';
  return (
    <Suspense fallback={<Loading />}>
      {expired && (
        <div className="modal" role="dialog" aria-modal="true" aria-label="Session expired">
          <SignInPage reason="Your session ended. Sign in again to continue; nothing on this page is lost." />
        </div>
      )}
      <Routes>
        <Route element={<Layout inert={expired} />}>
          <Route index element={<Navigate to={homePath(auth.user)} replace />} />
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
          {auth.can('tasks.inbox') && <Route path="tasks" element={<InboxPage />} />}
          {auth.can('escalations.read') && (
            <>
              <Route path="escalations" element={<EscalationsPage />} />
              <Route path="escalations/:id" element={<EscalationPage />} />
            </>
          )}
          {/* Anyone signed in may open a task meant for them (an assigned process owner too); the server decides. */}
          <Route path="tasks/:id" element={<TaskPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

/** The designer, without a Suspense round trip when a deep link already loaded its code (pages/prefetch.ts). */
function DesignerPage() {
  const loaded = loadedDesignerModule();
  return loaded ? <loaded.default /> : <LazyDesignerPage />;
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
    <BrowserRouter>
      <Routes>
        {/* The client answers through a signed link without an account: no session check, no studio chrome. */}
        <Route
          path="client/:token"
          element={
            <Suspense fallback={<Loading />}>
              <ClientPage />
            </Suspense>
          }
        />
        <Route
          path="escalations/:id/client"
          element={
            <Suspense fallback={<Loading />}>
              <EscalationClientPage />
            </Suspense>
          }
        />
        <Route
          path="*"
          element={
            <AuthProvider>
              <Guarded />
            </AuthProvider>
          }
        />
      </Routes>
    </BrowserRouter>
  );
}
