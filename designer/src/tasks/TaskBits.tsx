import type { CurrentUser, TaskSummary } from '../api/types';
import { dueLabel } from '../lib/relativeTime';

/** 0–100: 80 and up is high, below 40 low. */
export function PriorityBadge({ priority }: { priority: number }) {
  const level = priority >= 80 ? 'high' : priority < 40 ? 'low' : 'normal';
  return (
    <span className={`priority priority-${level}`} title={`Priority ${priority} of 100`} data-testid="priority">
      {level} <span className="muted small">({priority})</span>
    </span>
  );
}

export function DueTime({ task, now }: { task: Pick<TaskSummary, 'dueAt' | 'status'>; now: number }) {
  const due = dueLabel(task.dueAt, now, task.status === 'open');
  return (
    <span className={due.overdue ? 'due overdue' : 'due'} title={task.dueAt ? new Date(task.dueAt).toLocaleString() : undefined} data-overdue={due.overdue}>
      {due.overdue && <span className="badge badge-overdue">Overdue</span>} {due.text}
    </span>
  );
}

/** Who a user id is, as far as the caller can tell: you, a known name, the client, the system, or the id. */
export function personName(id: string | null | undefined, me: CurrentUser | null, names: ReadonlyMap<string, string>): string {
  if (!id) return '';
  if (me && id === me.id) return 'you';
  if (id === 'system') return 'the system';
  if (id.startsWith('client-link:')) return 'the client';
  return names.get(id) ?? id;
}

/** Where the task waits: with its assignee, or in a team's or role's queue. */
export function assignment(task: Pick<TaskSummary, 'assigneeId' | 'candidateTeam' | 'candidateRole'>, me: CurrentUser | null, names: ReadonlyMap<string, string>): string {
  if (task.assigneeId) return `Assigned to ${personName(task.assigneeId, me, names)}`;
  const queues = [task.candidateTeam && `team ${task.candidateTeam}`, task.candidateRole && `role ${task.candidateRole}`].filter(Boolean);
  return queues.length ? `Waiting in the queue of ${queues.join(' and ')}` : 'Unassigned';
}
