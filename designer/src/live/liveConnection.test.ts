// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from './liveConnection';
import { LiveConnection } from './liveConnection';

/** A stand-in EventSource the test drives: dispatches named events like the server's stream. */
class FakeSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static last: FakeSource | undefined;
  readyState = FakeSource.CONNECTING;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    super();
    FakeSource.last = this;
  }
  send(name: string, data: unknown) {
    this.readyState = FakeSource.OPEN;
    this.dispatchEvent(new MessageEvent(name, { data: JSON.stringify(data) }));
  }
  fail() {
    this.readyState = FakeSource.CLOSED;
    this.onerror?.();
  }
  close() {
    this.closed = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('live connection', () => {
  it('opens one stream for all listeners, passes changes, and asks for a resync after reconnecting', () => {
    vi.useFakeTimers();
    vi.stubGlobal('EventSource', FakeSource);
    const live = new LiveConnection('/api/live');
    const seen: LiveEvent[] = [];
    const statuses: string[] = [];
    live.onStatus((s) => statuses.push(s));
    const stop = live.subscribe((e) => seen.push(e));
    const source = FakeSource.last!;
    source.send('ready', { type: 'ready', id: '', status: '' });
    source.send('change', { type: 'task', id: 't1', status: 'open' });
    expect(seen).toEqual([{ kind: 'change', change: { type: 'task', id: 't1', status: 'open' } }]);

    source.fail();
    expect(statuses).toEqual(['off', 'connecting', 'live', 'offline']);
    vi.advanceTimersByTime(30_000);
    const reopened = FakeSource.last!;
    expect(reopened).not.toBe(source);
    reopened.send('ready', { type: 'ready', id: '', status: '' });
    expect(seen.at(-1)).toEqual({ kind: 'resync' });

    stop();
    vi.advanceTimersByTime(5_000);
    expect(reopened.closed).toBe(true);
    expect(live.status).toBe('off');
  });

  it('is offline where the browser has no EventSource', () => {
    vi.stubGlobal('EventSource', undefined);
    const live = new LiveConnection();
    live.subscribe(() => undefined);
    expect(live.status).toBe('offline');
  });
});
