import { useEffect, useRef, useState } from 'react';
import type { LiveChange } from '../api/types';
import type { LiveStatus } from './liveConnection';
import { liveConnection } from './liveConnection';

export interface LiveReloadOptions {
  /** Which changes concern the page; it reloads (debounced) when one arrives. */
  matches(change: LiveChange): boolean;
  /** Fallback reload interval while the page is visible (live updates are per server node and can drop). */
  intervalMs?: number;
  /** False pauses everything (e.g. an instance that has ended). */
  enabled?: boolean;
}

const debounceMs = 150;

/** Reloads on matching live changes, after a reconnect, when the window regains focus, and on an interval. */
export function useLiveReload(reload: () => void, { matches, intervalMs = 30_000, enabled = true }: LiveReloadOptions) {
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  const matchesRef = useRef(matches);
  matchesRef.current = matches;

  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => reloadRef.current(), debounceMs);
    };
    const unsubscribe = liveConnection.subscribe((event) => {
      if (event.kind === 'resync' || matchesRef.current(event.change)) schedule();
    });
    const onVisible = () => {
      if (document.visibilityState === 'visible') schedule();
    };
    window.addEventListener('focus', schedule);
    document.addEventListener('visibilitychange', onVisible);
    const interval = setInterval(() => {
      if (document.visibilityState === 'visible') reloadRef.current();
    }, intervalMs);
    return () => {
      clearTimeout(timer);
      clearInterval(interval);
      unsubscribe();
      window.removeEventListener('focus', schedule);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [enabled, intervalMs]);
}

export function useLiveStatus(): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>(liveConnection.status);
  useEffect(() => liveConnection.onStatus(setStatus), []);
  return status;
}
