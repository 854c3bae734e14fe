import type { LiveChange } from '../api/types';
import { liveEvents } from '../api/types';

/**
 * The one server-sent event stream (GET /api/live) the studio keeps open while any page listens. The server tells
 * only about changes committed on the node this browser is connected to, and the connection can drop, so pages also
 * reload on focus and on an interval (useLiveReload); after a reconnect every listener gets a `resync`.
 */
export type LiveStatus = 'off' | 'connecting' | 'live' | 'offline';
export type LiveEvent = { kind: 'change'; change: LiveChange } | { kind: 'resync' };
type Listener = (event: LiveEvent) => void;

/** How long after the last listener left the stream stays open (a page change reuses it). */
const closeDelayMs = 5_000;
/** How long to wait before opening a failed stream again (EventSource gives up on a 401 or a server error). */
const reopenDelayMs = 30_000;

export class LiveConnection {
  private source: EventSource | undefined;
  private readonly listeners = new Set<Listener>();
  private readonly statusListeners = new Set<(status: LiveStatus) => void>();
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private reopenTimer: ReturnType<typeof setTimeout> | undefined;
  private everReady = false;
  private current: LiveStatus = 'off';

  constructor(private readonly url = '/api/live') {}

  get status(): LiveStatus {
    return this.current;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    clearTimeout(this.closeTimer);
    if (!this.source && !this.reopenTimer) this.open();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.closeTimer = setTimeout(() => this.close(), closeDelayMs);
    };
  }

  onStatus(listener: (status: LiveStatus) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.current);
    return () => this.statusListeners.delete(listener);
  }

  /** Closes and, if anyone listens, reopens: after signing in or out the stream must carry the new session. */
  restart() {
    this.close();
    if (this.listeners.size > 0) this.open();
  }

  private open() {
    if (typeof EventSource === 'undefined') {
      this.setStatus('offline');
      return;
    }
    const source = new EventSource(this.url);
    this.source = source;
    this.setStatus('connecting');
    source.addEventListener(liveEvents.ready, () => {
      this.setStatus('live');
      if (this.everReady) this.emit({ kind: 'resync' });
      this.everReady = true;
    });
    source.addEventListener(liveEvents.change, (event) => {
      try {
        this.emit({ kind: 'change', change: JSON.parse((event as MessageEvent<string>).data) as LiveChange });
      } catch {
        // A malformed event is ignored; the interval refresh covers it.
      }
    });
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        this.source = undefined;
        this.setStatus('offline');
        this.reopenTimer = setTimeout(() => {
          this.reopenTimer = undefined;
          if (this.listeners.size > 0) this.open();
        }, reopenDelayMs);
      } else {
        this.setStatus('connecting');
      }
    };
  }

  private close() {
    clearTimeout(this.reopenTimer);
    this.reopenTimer = undefined;
    this.source?.close();
    this.source = undefined;
    this.everReady = false;
    this.setStatus('off');
  }

  private emit(event: LiveEvent) {
    for (const listener of [...this.listeners]) listener(event);
  }

  private setStatus(status: LiveStatus) {
    if (status === this.current) return;
    this.current = status;
    for (const listener of [...this.statusListeners]) listener(status);
  }
}

export const liveConnection = new LiveConnection();
