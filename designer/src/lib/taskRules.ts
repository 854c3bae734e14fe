import type { CurrentUser, TaskSummary } from '../api/types';
import { can } from './permissions';

/**
 * Who may do what with a task (docs/roles.md, "Who sees and works a task"), so the studio can disable what the server
 * would refuse and say why. The server decides; these are the same rules.
 */
export interface TaskActions {
  claim: Allowed;
  release: Allowed;
  reassign: Allowed;
  complete: Allowed;
  /** The caller holds it. */
  mine: boolean;
}

export type Allowed = { allowed: true } | { allowed: false; reason: string };

const yes: Allowed = { allowed: true };
const no = (reason: string): Allowed => ({ allowed: false, reason });

type Task = Pick<TaskSummary, 'status' | 'assigneeId' | 'candidateTeam' | 'candidateRole'>;

export function isCandidate(task: Task, user: CurrentUser): boolean {
  const team = task.candidateTeam?.trim().toLowerCase();
  return (!!team && user.teams.some((t) => t.trim().toLowerCase() === team)) || (!!task.candidateRole && (user.roles as string[]).includes(task.candidateRole));
}

export function taskActions(task: Task, user: CurrentUser | null | undefined): TaskActions {
  if (!user) return { claim: no('Sign in first.'), release: no('Sign in first.'), reassign: no('Sign in first.'), complete: no('Sign in first.'), mine: false };
  const manager = can(user, 'tasks.manage');
  const mine = task.assigneeId === user.id;
  const candidate = isCandidate(task, user);
  if (task.status !== 'open') {
    const closed = no(`The task is ${task.status}.`);
    return { claim: closed, release: closed, reassign: closed, complete: closed, mine };
  }
  const claim = mine
    ? no('You have this task already.')
    : task.assigneeId
      ? no('Someone else has claimed this task; a manager can reassign it.')
      : candidate || manager
        ? yes
        : no("Only members of the task's team, holders of its role, or managers may claim it.");
  const release = !task.assigneeId ? no('Nobody has claimed this task.') : mine || manager ? yes : no("Only the task's assignee or a manager may release it.");
  const reassign = mine || manager ? yes : no('Only a manager, or the assignee handing it over, may reassign it.');
  const complete = manager || mine || (!task.assigneeId && candidate)
    ? yes
    : task.assigneeId
      ? no('The task is assigned to someone else; only they or a manager may complete it.')
      : no("Only members of the task's team, holders of its role, or managers may complete it.");
  return { claim, release, reassign, complete, mine };
}
