import { describe, expect, it } from 'vitest';
import { countdown, formatDuration, nextDue } from './slaCountdown';

const now = Date.parse('2026-11-29T12:00:00Z');

describe('formatDuration', () => {
  it('shows hours, minutes and seconds, with days in front', () => {
    expect(formatDuration(0)).toBe('00:00:00');
    expect(formatDuration(59_999)).toBe('00:00:59');
    expect(formatDuration(3_723_000)).toBe('01:02:03');
    expect(formatDuration(2 * 86_400_000 + 3_723_000)).toBe('2d 01:02:03');
    expect(formatDuration(-61_000)).toBe('00:01:01');
  });
});

describe('countdown', () => {
  it('counts down to a due time ahead, one second at a time', () => {
    const due = '2026-11-29T14:30:05Z';
    expect(countdown(due, now, 'onTrack')).toEqual({ text: '02:30:05 left', state: 'running', remainingMs: 9_005_000 });
    expect(countdown(due, now + 1000, 'onTrack').text).toBe('02:30:04 left');
    expect(countdown(due, now, 'atRisk').state).toBe('running');
  });

  it('marks a due time in the past as overdue and counts up', () => {
    const due = '2026-11-29T11:58:30Z';
    expect(countdown(due, now, 'onTrack')).toEqual({ text: 'overdue by 00:01:30', state: 'overdue', remainingMs: -90_000 });
    expect(countdown(due, now + 1000).text).toBe('overdue by 00:01:31');
  });

  it('trusts the server when it says the clock breached, even before the browser’s due time', () => {
    expect(countdown('2026-11-29T12:00:10Z', now, 'breached')).toMatchObject({ state: 'overdue', text: 'overdue by 00:00:00' });
  });

  it('does not tick while paused, shows met, and nothing for a closed escalation or without a due time', () => {
    expect(countdown('2026-11-29T13:00:00Z', now, 'paused')).toMatchObject({ state: 'paused', text: 'paused, 01:00:00 left' });
    expect(countdown(null, now, 'paused')).toMatchObject({ state: 'paused', text: 'paused' });
    expect(countdown('2026-11-29T13:00:00Z', now, 'met')).toMatchObject({ state: 'met', text: 'met' });
    expect(countdown('2026-11-29T13:00:00Z', now, 'onTrack', true)).toMatchObject({ state: 'none', text: '—' });
    expect(countdown(undefined, now)).toMatchObject({ state: 'none', text: '—', remainingMs: null });
    expect(countdown('not a date', now)).toMatchObject({ state: 'none' });
  });
});

describe('nextDue', () => {
  const times = { responseDueAt: '2026-11-29T12:30:00Z', resolutionDueAt: '2026-11-30T12:00:00Z' };
  it('counts to the response while nobody has responded yet, then to the resolution', () => {
    expect(nextDue({ ...times, stage: 'Triage' }, now)).toEqual({ metric: 'response', dueAt: times.responseDueAt });
    expect(nextDue({ ...times, stage: 'Investigation' }, now)).toEqual({ metric: 'resolution', dueAt: times.resolutionDueAt });
    expect(nextDue({ ...times, stage: 'Assignment' }, now + 3_600_000)).toEqual({ metric: 'resolution', dueAt: times.resolutionDueAt });
    expect(nextDue({ stage: 'Triage' }, now)).toEqual({ metric: 'resolution', dueAt: null });
  });
});
