import type { CurrentUser, TaskEvent } from '../api/types';
import { formatDate } from '../components/Feedback';
import { relativeTime } from '../lib/relativeTime';
import { personName } from './TaskBits';

const kinds: Record<string, string> = {
  created: 'Created',
  claimed: 'Claimed',
  released: 'Released',
  reassigned: 'Reassigned',
  'escalated-on-deadline': 'Escalated (deadline passed)',
  completed: 'Completed',
  cancelled: 'Cancelled',
  'client-link-issued': 'Client link issued',
};

function describe(event: TaskEvent, me: CurrentUser | null, names: ReadonlyMap<string, string>): string {
  const d = event.details ?? {};
  const text = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : undefined);
  const parts: string[] = [];
  if (text('toUser')) parts.push(`to ${personName(text('toUser'), me, names)}`);
  if (text('toTeam')) parts.push(`to team ${text('toTeam')}`);
  if (text('toRole')) parts.push(`to role ${text('toRole')}`);
  if (text('outcome')) parts.push(`outcome ${text('outcome')}`);
  if (text('reason')) parts.push(`“${text('reason')}”`);
  if (text('note')) parts.push(text('note')!);
  return parts.join(' · ');
}

export function TaskHistory({ history, me, names, now }: { history: readonly TaskEvent[]; me: CurrentUser | null; names: ReadonlyMap<string, string>; now: number }) {
  return (
    <ol className="task-history" data-testid="task-history">
      {history.map((event, i) => (
        <li key={i}>
          <strong>{kinds[event.kind] ?? event.kind}</strong> by {personName(event.actor, me, names)}{' '}
          <span className="muted small" title={formatDate(event.at)}>
            {relativeTime(event.at, now)}
          </span>
          {describe(event, me, names) && <div className="small">{describe(event, me, names)}</div>}
        </li>
      ))}
    </ol>
  );
}
