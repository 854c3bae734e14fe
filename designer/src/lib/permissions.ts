import type { CurrentUser, Role } from '../api/types';

/** What the studio offers; the server enforces the same rules (docs/roles.md), the studio only hides what a role may not do. */
export type Permission =
  | 'definitions.read'
  | 'definitions.edit'
  | 'definitions.publish'
  | 'instances.read'
  | 'instances.start'
  | 'instances.operate'
  | 'users.read'
  /** The task inbox: people who work tasks and people who watch them. */
  | 'tasks.inbox'
  /** Sees every task (the "All tasks" view). */
  | 'tasks.read-all'
  /** Claims, releases, reassigns and completes any task. */
  | 'tasks.manage'
  /** The escalation console (list and detail). */
  | 'escalations.read'
  /** Flags an escalation (and opens one). */
  | 'escalations.write'
  /** Elevates an escalation by hand. */
  | 'escalations.elevate';

const grants: Record<Permission, Role[]> = {
  'definitions.read': ['admin', 'process-owner', 'escalation-manager', 'leadership', 'viewer'],
  'definitions.edit': ['admin', 'process-owner'],
  'definitions.publish': ['admin'],
  'instances.read': ['admin', 'process-owner', 'escalation-manager', 'leadership', 'viewer'],
  'instances.start': ['admin', 'process-owner', 'escalation-manager'],
  'instances.operate': ['admin', 'process-owner', 'escalation-manager'],
  'users.read': ['admin', 'escalation-manager'],
  'tasks.inbox': ['admin', 'escalation-manager', 'agent', 'resolver', 'leadership', 'viewer'],
  'tasks.read-all': ['admin', 'escalation-manager', 'leadership', 'viewer'],
  'tasks.manage': ['admin', 'escalation-manager'],
  'escalations.read': ['admin', 'process-owner', 'escalation-manager', 'agent', 'resolver', 'leadership', 'viewer'],
  'escalations.write': ['admin', 'escalation-manager', 'agent'],
  'escalations.elevate': ['admin', 'escalation-manager', 'leadership'],
};

export function can(user: CurrentUser | null | undefined, permission: Permission): boolean {
  return !!user && user.roles.some((role) => grants[permission].includes(role));
}

/** Roles whose daily work is tasks: they start in the inbox. */
const taskWorkers: Role[] = ['agent', 'resolver', 'escalation-manager'];

/** Where a role starts: the inbox for people who work tasks, else the workflows, else the instances. */
export function homePath(user: CurrentUser | null | undefined): string {
  if (user?.roles.some((r) => taskWorkers.includes(r))) return '/tasks';
  if (can(user, 'definitions.read')) return '/workflows';
  if (can(user, 'tasks.inbox')) return '/tasks';
  if (can(user, 'instances.read')) return '/instances';
  return '/forbidden';
}
