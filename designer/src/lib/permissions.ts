import type { CurrentUser, Role } from '../api/types';

/** What the studio offers; the server enforces the same rules, the studio only hides what a role may not do. */
export type Permission =
  | 'definitions.read'
  | 'definitions.edit'
  | 'definitions.publish'
  | 'instances.read'
  | 'instances.start'
  | 'instances.operate';

const grants: Record<Permission, Role[]> = {
  'definitions.read': ['admin', 'process-owner', 'escalation-manager', 'leadership', 'viewer'],
  'definitions.edit': ['admin', 'process-owner'],
  'definitions.publish': ['admin'],
  'instances.read': ['admin', 'process-owner', 'escalation-manager', 'leadership', 'viewer'],
  'instances.start': ['admin', 'process-owner', 'escalation-manager'],
  'instances.operate': ['admin', 'process-owner', 'escalation-manager'],
};

export function can(user: CurrentUser | null | undefined, permission: Permission): boolean {
  return !!user && user.roles.some((role) => grants[permission].includes(role));
}
