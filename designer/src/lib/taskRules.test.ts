import { describe, expect, it } from 'vitest';
import type { CurrentUser, Role } from '../api/types';
import { homePath } from './permissions';
import { isCandidate, taskActions } from './taskRules';

const person = (id: string, roles: Role[], teams: string[] = []): CurrentUser => ({ id, email: `${id}@x`, displayName: id, roles, teams });
const agent = person('agent', ['agent'], ['Network']);
const manager = person('manager', ['escalation-manager']);
const leader = person('leader', ['leadership']);
const queued = { status: 'open' as const, assigneeId: null, candidateTeam: 'network', candidateRole: null };

describe('task rules', () => {
  it('lets candidates claim and complete a queued task, and managers anything', () => {
    expect(isCandidate(queued, agent)).toBe(true);
    const a = taskActions(queued, agent);
    expect([a.claim.allowed, a.complete.allowed, a.release.allowed, a.reassign.allowed]).toEqual([true, true, false, false]);
    const m = taskActions({ ...queued, assigneeId: 'agent' }, manager);
    expect([m.claim.allowed, m.complete.allowed, m.release.allowed, m.reassign.allowed]).toEqual([false, true, true, true]);
  });

  it('explains why an action is not possible', () => {
    const taken = taskActions({ ...queued, assigneeId: 'other' }, agent);
    expect(taken.claim).toEqual({ allowed: false, reason: 'Someone else has claimed this task; a manager can reassign it.' });
    expect(taken.complete.allowed).toBe(false);
    const mine = taskActions({ ...queued, assigneeId: 'agent' }, agent);
    expect([mine.mine, mine.release.allowed, mine.reassign.allowed, mine.complete.allowed]).toEqual([true, true, true, true]);
    expect(taskActions(queued, leader).claim.allowed).toBe(false);
    expect(taskActions({ ...queued, status: 'completed' }, manager).complete).toEqual({ allowed: false, reason: 'The task is completed.' });
  });

  it('starts each role where its work is', () => {
    expect(homePath(agent)).toBe('/tasks');
    expect(homePath(manager)).toBe('/tasks');
    expect(homePath(person('owner', ['process-owner']))).toBe('/workflows');
    expect(homePath(leader)).toBe('/workflows');
    expect(homePath(person('admin', ['admin']))).toBe('/workflows');
  });
});
