import { describe, expect, it } from 'vitest';
import { dueLabel, relativeTime } from './relativeTime';

const now = Date.parse('2026-11-30T09:00:00Z');

describe('relative time', () => {
  it('uses the largest unit that fits', () => {
    expect(relativeTime('2026-11-30T12:00:00Z', now)).toBe('in 3 hours');
    expect(relativeTime('2026-11-30T08:55:00Z', now)).toBe('5 minutes ago');
    expect(relativeTime('2026-12-02T09:00:00Z', now)).toBe('in 2 days');
    expect(relativeTime('2026-11-29T09:00:00Z', now)).toBe('yesterday');
    expect(relativeTime('2026-11-30T08:59:50Z', now)).toBe('just now');
    expect(relativeTime('2026-11-30T09:00:20Z', now)).toBe('just now');
  });

  it('marks open tasks past their due time as overdue', () => {
    expect(dueLabel('2026-11-30T07:00:00Z', now)).toEqual({ text: 'overdue, due 2 hours ago', overdue: true });
    expect(dueLabel('2026-11-30T10:00:00Z', now)).toEqual({ text: 'due in 1 hour', overdue: false });
    expect(dueLabel('2026-11-30T07:00:00Z', now, false)).toEqual({ text: 'was due 2 hours ago', overdue: false });
    expect(dueLabel(undefined, now)).toEqual({ text: 'no due time', overdue: false });
  });
});
