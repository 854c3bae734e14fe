import { describe, expect, it } from 'vitest';
import type { Role } from '../api/types';
import { can } from './permissions';
import { idPrefix, nextId, slugify } from './ids';

const user = (...roles: Role[]) => ({ id: 'u', email: 'u@x', displayName: 'U', roles, teams: [] });

describe('role rules', () => {
  it('process owners and admins edit; only admins publish; viewers read', () => {
    expect(can(user('process-owner'), 'definitions.edit')).toBe(true);
    expect(can(user('process-owner'), 'definitions.publish')).toBe(false);
    expect(can(user('admin'), 'definitions.publish')).toBe(true);
    expect(can(user('viewer'), 'definitions.edit')).toBe(false);
    expect(can(user('viewer'), 'definitions.read')).toBe(true);
    expect(can(user('agent'), 'definitions.read')).toBe(false);
    expect(can(null, 'definitions.read')).toBe(false);
  });

  it('everyone reads escalations; agents and managers flag; managers and leadership elevate (roles.md)', () => {
    expect((['admin', 'process-owner', 'escalation-manager', 'agent', 'resolver', 'leadership', 'viewer'] as Role[]).every((r) => can(user(r), 'escalations.read'))).toBe(true);
    expect(can(user('agent'), 'escalations.write')).toBe(true);
    expect(can(user('leadership'), 'escalations.write')).toBe(false);
    expect(can(user('agent'), 'escalations.elevate')).toBe(false);
    expect(can(user('leadership'), 'escalations.elevate')).toBe(true);
    expect(can(user('escalation-manager'), 'escalations.elevate')).toBe(true);
    expect(can(user('resolver'), 'escalations.elevate')).toBe(false);
  });
});

describe('ids', () => {
  it('derives readable, unique activity ids and definition slugs', () => {
    expect(idPrefix('Escalations.Route')).toBe('route');
    expect(idPrefix('SendHttpRequest')).toBe('sendHttpRequest');
    const taken = new Set(['log1']);
    expect(nextId('log', taken)).toBe('log2');
    expect(nextId('log', taken)).toBe('log3');
    expect(slugify('Major incident (EU) — P1')).toBe('major-incident-eu-p1');
    expect(slugify('***')).toBe('workflow');
  });
});
