import { describe, expect, it } from 'vitest';
import type { JournalEntry, WorkflowDefinition } from '../api/types';
import { executedPath } from './executedPath';

const definition: WorkflowDefinition = {
  definitionId: 'd',
  name: 'd',
  root: {
    type: 'Flowchart',
    activities: ['start', 'decide', 'yes', 'no', 'join'].map((id) => ({ id, type: 'Log' })),
    connections: [
      { source: { activity: 'start' }, target: { activity: 'decide' } },
      { source: { activity: 'decide', port: 'True' }, target: { activity: 'yes' } },
      { source: { activity: 'decide', port: 'False' }, target: { activity: 'no' } },
      { source: { activity: 'yes' }, target: { activity: 'join' } },
      { source: { activity: 'no' }, target: { activity: 'join' } },
    ],
  },
};

let seq = 0;
const at = (event: string, activityId?: string, outcomes?: string[]): JournalEntry => ({ sequence: ++seq, timestamp: '2026-01-01T00:00:00Z', event, activityId, outcomes });

describe('executed path of an instance', () => {
  it('highlights connections along completed outcomes to later-started activities', () => {
    const journal = [
      at('WorkflowStarted'),
      at('ActivityStarted', 'start'), at('ActivityCompleted', 'start', ['Done']),
      at('ActivityStarted', 'decide'), at('ActivityCompleted', 'decide', ['True']),
      at('ActivityStarted', 'yes'), at('ActivityFaulted', 'yes'),
    ];
    const path = executedPath(definition, { activities: { start: { runs: 1, faults: 0 }, decide: { runs: 1, faults: 0 }, yes: { runs: 1, faults: 1 } }, bookmarks: [] }, journal);
    expect([...path.traversed]).toEqual(['start:Done->decide', 'decide:True->yes']);
    expect([...path.executed].sort()).toEqual(['decide', 'start', 'yes']);
    expect([...path.faulted]).toEqual(['yes']);
  });

  it('counts a Join arrival as reaching the join', () => {
    const journal = [at('ActivityStarted', 'no'), at('ActivityCompleted', 'no', ['Done']), at('JoinArrived', 'join')];
    const path = executedPath(definition, { activities: {}, bookmarks: [{ id: 'b', instanceId: 'i', activityId: 'join', kind: 'Event', createdAt: '2026-11-30T09:00:00Z' }] }, journal);
    expect(path.traversed.has('no:Done->join')).toBe(true);
    expect(path.waiting.has('join')).toBe(true);
  });

  it('falls back to connections between executed activities when the journal has no outcomes', () => {
    const path = executedPath(definition, { activities: { start: { runs: 1, faults: 0 }, decide: { runs: 2, faults: 0 }, no: { runs: 1, faults: 0 } }, bookmarks: [] }, []);
    expect([...path.traversed].sort()).toEqual(['decide:False->no', 'start:Done->decide']);
  });
});
