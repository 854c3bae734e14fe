import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../api/types';
import { clone } from './json';
import { computeDiff, diffGraph } from './diff';
import rich from './__fixtures__/escalation-rich.json';

describe('version diff', () => {
  const before = rich as WorkflowDefinition;
  const after = clone(before);
  after.root.activities = after.root.activities.filter((a) => a.id !== 'log1');
  after.root.connections = after.root.connections!.filter((c) => c.source.activity !== 'log1' && c.target.activity !== 'log1');
  after.root.activities.push({ id: 'notify', type: 'Log', metadata: { designer: { position: { x: 1, y: 1 } } } });
  after.root.connections.push({ source: { activity: 'fork1', port: 'Notify' }, target: { activity: 'notify' } });
  const http = after.root.activities.find((a) => a.id === 'http1')!;
  http.inputs!.url = { expression: { type: 'literal', value: 'https://x' } };
  http.metadata!.designer!.position = { x: 0, y: 0 };
  after.root.activities.find((a) => a.id === 'route')!.name = 'Route it';

  it('finds added, removed and changed activities with their fields, and connection changes', () => {
    const diff = computeDiff(before, after);
    expect(diff.activities.added).toEqual(['notify']);
    expect(diff.activities.removed).toEqual(['log1']);
    expect(diff.activities.changed).toEqual([
      { id: 'route', fields: ['name'] },
      { id: 'http1', fields: ['inputs.url', 'position'] },
    ]);
    expect(diff.connections.added).toEqual(['fork1:Notify->notify']);
    expect(diff.connections.removed.sort()).toEqual(['fork1:Notify->log1', 'log1:Done->join1']);
  });

  it('an identical version has an empty diff', () => {
    expect(computeDiff(before, clone(before))).toEqual({ activities: { added: [], removed: [], changed: [] }, connections: { added: [], removed: [] } });
  });

  it('draws both versions in one graph with marks', () => {
    const { nodes, edges } = diffGraph(before, after, computeDiff(before, after));
    const mark = (id: string) => nodes.find((n) => n.id === id)?.data.mark;
    expect(mark('notify')).toBe('added');
    expect(mark('log1')).toBe('removed');
    expect(mark('http1')).toBe('changed');
    expect(mark('start')).toBeUndefined();
    expect(edges.filter((e) => e.data?.mark === 'removed')).toHaveLength(2);
    expect(edges.filter((e) => e.data?.mark === 'added').map((e) => e.id)).toEqual(['fork1:Notify->notify']);
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
  });
});
