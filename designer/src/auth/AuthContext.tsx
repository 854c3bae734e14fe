import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { ApiError, onUnauthorized } from '../api/client';
import { api } from '../api/endpoints';
import { liveConnection } from '../live/liveConnection';
import { takePrefetchedSession } from './sessionPrefetch';
import type { CurrentUser } from '../api/types';
import type { Permission } from '../lib/permissions';
import { can } from '../lib/permissions';

export interface AuthState {
  /** 'expired': the session ended while the studio was open; the page stays (unsaved work too) under a sign-in dialog. */
  status: 'loading' | 'signed-out' | 'signed-in' | 'expired';
  user: CurrentUser | null;
  /** The server has no /api/auth yet (404): the studio runs without sign-in and shows a banner. */
  authDisabled: boolean;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  can(permission: Permission): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

/** Used only while the server answers 404 on /api/auth/me; the server enforces its own rules regardless. */
const noAuthUser: CurrentUser = { id: 'anonymous', email: '', displayName: 'Authentication not enabled', roles: ['admin'], teams: [] };

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthState['status']>('loading');
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [authDisabled, setAuthDisabled] = useState(false);

  const loadMe = useCallback(async (signal?: AbortSignal) => {
    try {
      const me = await (takePrefetchedSession() ?? api.me(signal));
      performance.mark('studio:session');
      setUser(me);
      setAuthDisabled(false);
      setStatus('signed-in');
    } catch (error) {
      if (signal?.aborted) return;
      if (error instanceof ApiError && error.status === 404) {
        setUser(noAuthUser);
        setAuthDisabled(true);
        setStatus('signed-in');
      } else {
        setUser(null);
        setStatus('signed-out');
      }
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void loadMe(controller.signal);
    return () => controller.abort();
  }, [loadMe]);

  useEffect(
    () =>
      onUnauthorized(() => setStatus((current) => (current === 'signed-in' ? 'expired' : current))),
    [],
  );

  const value = useMemo<AuthState>(
    () => ({
      status,
      user,
      authDisabled,
      async signIn(email, password) {
        await api.login({ email, password });
        await loadMe();
        liveConnection.restart(); // the stream must carry the new session
      },
      async signOut() {
        try {
          await api.logout();
        } finally {
          liveConnection.restart();
          setUser(null);
          setStatus('signed-out');
        }
      },
      can: (permission) => can(user, permission),
    }),
    [status, user, authDisabled, loadMe],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const context = useContext(AuthContext);
  if (!context) throw new Error('useAuth outside AuthProvider');
  return context;
}
