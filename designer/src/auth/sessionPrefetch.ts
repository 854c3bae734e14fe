import { api } from '../api/endpoints';
import type { CurrentUser } from '../api/types';

/*
 * The session check (GET /api/auth/me) gates every page, so main.tsx starts it before anything else is requested:
 * otherwise it queues behind the page's code and data on the browser's six connections. AuthProvider takes it once.
 */
let pending: Promise<CurrentUser> | undefined;

export function prefetchSession() {
  pending = api.me();
  pending.catch(() => undefined); // AuthProvider handles the answer, errors included
}

export function takePrefetchedSession(): Promise<CurrentUser> | undefined {
  const taken = pending;
  pending = undefined;
  return taken;
}
