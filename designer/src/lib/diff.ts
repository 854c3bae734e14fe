import type { ActivityJson, WorkflowDefinition } from '../api/types';
import type { ActivityFlowNode, ConnectionFlowEdge } from './graph';
import { activityToNode, connectionKey, connectionToEdge, edgeIds } from './graph';
import { jsonEqual } from './json';

/** The difference between two versions, by activity id and connection key (`a:Port->b`). */
export interface DefinitionDiff {
  activities: { added: string[]; removed: string[]; changed: { id: string; fields: string[] }[] };
  connections: { added: string[]; removed: string[] };
}

/** Field names of one activity that differ: type, name, inputs.X, outputs.X, retry, position, metadata. */
export function changedFields(a: ActivityJson, b: ActivityJson): string[] {
  const fields: string[] = [];
  if (a.type !== b.type) fields.push('type');
  if (a.name !== b.name) fields.push('name');
  for (const group of ['inputs', 'outputs'] as const) {
    const left = (a[group] ?? {}) as Record<string, unknown>;
    const right = (b[group] ?? {}) as Record<string, unknown>;
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
      if (!jsonEqual(left[key], right[key])) fields.push(`${group}.${key}`);
    }
  }
  if (!jsonEqual(a.retry, b.retry)) fields.push('retry');
  const { designer: da, ...ma } = a.metadata ?? {};
  const { designer: db, ...mb } = b.metadata ?? {};
  if (!jsonEqual(da?.position, db?.position)) fields.push('position');
  const { position: _pa, ...ra } = da ?? {};
  const { position: _pb, ...rb } = db ?? {};
  if (!jsonEqual(ma, mb) || !jsonEqual(ra, rb)) fields.push('metadata');
  return fields;
}

function keyCounts(definition: WorkflowDefinition): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of definition.root.connections ?? []) counts.set(connectionKey(c), (counts.get(connectionKey(c)) ?? 0) + 1);
  return counts;
}

/** Computes the diff in the browser (used when the server's diff is not available). */
export function computeDiff(from: WorkflowDefinition, to: WorkflowDefinition): DefinitionDiff {
  const before = new Map(from.root.activities.map((a) => [a.id, a]));
  const after = new Map(to.root.activities.map((a) => [a.id, a]));
  const diff: DefinitionDiff = { activities: { added: [], removed: [], changed: [] }, connections: { added: [], removed: [] } };
  for (const [id, activity] of after) {
    const old = before.get(id);
    if (!old) diff.activities.added.push(id);
    else {
      const fields = changedFields(old, activity);
      if (fields.length > 0) diff.activities.changed.push({ id, fields });
    }
  }
  for (const id of before.keys()) if (!after.has(id)) diff.activities.removed.push(id);
  const fromKeys = keyCounts(from);
  const toKeys = keyCounts(to);
  for (const [key, n] of toKeys) for (let i = (fromKeys.get(key) ?? 0); i < n; i++) diff.connections.added.push(key);
  for (const [key, n] of fromKeys) for (let i = (toKeys.get(key) ?? 0); i < n; i++) diff.connections.removed.push(key);
  return diff;
}

/**
 * One read-only picture of both versions: the newer version's nodes and edges, marked added/changed, plus the
 * removed ones taken from the older version and marked removed.
 */
export function diffGraph(from: WorkflowDefinition, to: WorkflowDefinition, diff: DefinitionDiff): { nodes: ActivityFlowNode[]; edges: ConnectionFlowEdge[] } {
  const added = new Set(diff.activities.added);
  const changed = new Set(diff.activities.changed.map((c) => c.id));
  const nodes: ActivityFlowNode[] = to.root.activities.map((activity, i) => {
    const node = activityToNode(activity, i);
    if (added.has(activity.id)) node.data = { ...node.data, mark: 'added' };
    else if (changed.has(activity.id)) node.data = { ...node.data, mark: 'changed' };
    return node;
  });
  const removed = new Set(diff.activities.removed);
  from.root.activities.forEach((activity, i) => {
    if (!removed.has(activity.id)) return;
    const node = activityToNode(activity, to.root.activities.length + i);
    node.data = { ...node.data, mark: 'removed' };
    nodes.push(node);
  });
  const toConnections = to.root.connections ?? [];
  const ids = edgeIds(toConnections);
  const addedKeys = [...diff.connections.added];
  const edges = toConnections.map((c, i) => {
    const edge = connectionToEdge(c, ids[i]!);
    const at = addedKeys.indexOf(connectionKey(c));
    if (at >= 0) {
      addedKeys.splice(at, 1);
      edge.data = { ...edge.data, mark: 'added' };
    }
    return edge;
  });
  const removedKeys = [...diff.connections.removed];
  (from.root.connections ?? []).forEach((c, i) => {
    const at = removedKeys.indexOf(connectionKey(c));
    if (at < 0) return;
    removedKeys.splice(at, 1);
    const edge = connectionToEdge(c, `removed:${i}:${connectionKey(c)}`);
    edge.data = { ...edge.data, mark: 'removed' };
    edges.push(edge);
  });
  return { nodes, edges };
}
