/**
 * The live SLA countdown of the escalation console: the time left to a due time the server computed (the escalation's
 * response or resolution due time), recomputed in the browser every second. Pure functions; the ticking is
 * components/useNow with a one-second interval.
 */

export type CountdownState = 'running' | 'overdue' | 'paused' | 'met' | 'none';

export interface Countdown {
  /** "2d 03:04:05 left", "overdue by 00:01:02", "paused", "met", "—". */
  text: string;
  state: CountdownState;
  /** Due time minus now in milliseconds (negative when overdue); null without a due time. */
  remainingMs: number | null;
}

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

const two = (n: number) => String(n).padStart(2, '0');

/** A duration as "hh:mm:ss", with whole days in front ("2d 03:04:05"); the sign is dropped, seconds rounded down. */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / second) * second;
  const days = Math.floor(total / day);
  const rest = total - days * day;
  const clock = `${two(Math.floor(rest / hour))}:${two(Math.floor((rest % hour) / minute))}:${two(Math.floor((rest % minute) / second))}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}

/**
 * The countdown to `dueAt` at `now`. `slaStatus` is the server's word for the clock: a paused or met clock does not
 * tick, a breached one is overdue even if the due time moved; a closed escalation shows none.
 */
export function countdown(dueAt: string | null | undefined, now: number, slaStatus?: string | null, closed = false): Countdown {
  if (closed) return { text: '—', state: 'none', remainingMs: null };
  const status = slaStatus?.toLowerCase();
  if (status === 'met') return { text: 'met', state: 'met', remainingMs: null };
  const due = dueAt ? Date.parse(dueAt) : Number.NaN;
  if (Number.isNaN(due)) return { text: status === 'paused' ? 'paused' : '—', state: status === 'paused' ? 'paused' : 'none', remainingMs: null };
  const remaining = due - now;
  if (status === 'paused') return { text: `paused, ${formatDuration(remaining)} left`, state: 'paused', remainingMs: remaining };
  if (remaining < 0 || status === 'breached') return { text: `overdue by ${formatDuration(Math.min(remaining, 0))}`, state: 'overdue', remainingMs: remaining };
  return { text: `${formatDuration(remaining)} left`, state: 'running', remainingMs: remaining };
}

/**
 * Which due time a list row counts down to: the response due time while it is still ahead and the escalation has not
 * gone past triage and assignment (nobody has responded yet), else the resolution due time.
 */
export function nextDue(item: { responseDueAt?: string | null; resolutionDueAt?: string | null; stage: string }, now: number): { metric: 'response' | 'resolution'; dueAt: string | null } {
  const waitingForResponse = item.stage === 'Triage' || item.stage === 'Assignment';
  if (waitingForResponse && item.responseDueAt) {
    const due = Date.parse(item.responseDueAt);
    if (!Number.isNaN(due) && (due >= now || !item.resolutionDueAt)) return { metric: 'response', dueAt: item.responseDueAt };
  }
  return { metric: 'resolution', dueAt: item.resolutionDueAt ?? null };
}
