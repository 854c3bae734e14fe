/** "in 3 hours", "5 minutes ago": the distance between two instants in the largest unit that fits, rounded. */
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

export function relativeTime(iso: string | null | undefined, now: number): string {
  if (!iso) return '';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const delta = at - now;
  const size = Math.abs(delta);
  // Within a minute either way (clocks of browser and server differ a little): now.
  if (size < 45_000) return 'just now';
  for (const [unit, ms] of units) {
    if (size >= ms * 0.95 || unit === 'second') return format.format(Math.round(delta / ms), unit);
  }
  return format.format(Math.round(delta / 1000), 'second');
}

export interface DueLabel {
  text: string;
  overdue: boolean;
}

/** How a task's due time reads in a list: "due in 2 hours", "overdue by 3 hours", or "no due time". */
export function dueLabel(dueAt: string | null | undefined, now: number, open = true): DueLabel {
  if (!dueAt) return { text: 'no due time', overdue: false };
  const at = Date.parse(dueAt);
  if (Number.isNaN(at)) return { text: dueAt, overdue: false };
  const relative = relativeTime(dueAt, now);
  if (!open) return { text: `was due ${relative}`, overdue: false };
  if (at < now) return { text: `overdue, due ${relative}`, overdue: true };
  return { text: `due ${relative}`, overdue: false };
}
