import { NavLink, Outlet } from 'react-router';
import { ErrorBoundary } from './ErrorBoundary';
import { useAuth } from '../auth/AuthContext';
import { LiveIndicator } from './LiveIndicator';

export function Layout({ inert = false }: { inert?: boolean }) {
  const auth = useAuth();
  return (
    <div className="app" inert={inert}>
      <header className="topbar">
        <a className="brand" href="/">
          EscalationFlows <span className="muted">Studio</span>
        </a>
        <nav aria-label="Main">
          {auth.can('definitions.read') && (
            <NavLink to="/workflows" data-testid="nav-workflows">
              Workflows
            </NavLink>
          )}
          {auth.can('instances.read') && (
            <NavLink to="/instances" data-testid="nav-instances">
              Instances
            </NavLink>
          )}
          {auth.can('tasks.inbox') && (
            <NavLink to="/tasks" data-testid="nav-tasks">
              Tasks
            </NavLink>
          )}
          {auth.can('escalations.read') && (
            <NavLink to="/escalations" data-testid="nav-escalations">
              Escalations
            </NavLink>
          )}
        </nav>
        <LiveIndicator />
        <div className="user" data-testid="current-user">
          <span>{auth.user?.displayName}</span>
          {auth.user && !auth.authDisabled && <span className="muted"> ({auth.user.roles.join(', ')})</span>}
          {!auth.authDisabled && (
            <button type="button" className="link" onClick={() => void auth.signOut()}>
              Sign out
            </button>
          )}
        </div>
      </header>
      {auth.authDisabled && (
        <div className="banner" role="note">
          This server has no sign-in yet; every action is offered. The server still decides what is allowed.
        </div>
      )}
      <main className="content">
        <ErrorBoundary>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
