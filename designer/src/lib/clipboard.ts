import type { ActivityJson, ConnectionJson } from '../api/types';
import type { ActivityFlowNode, ConnectionFlowEdge } from './graph';
import { activityToNode, connectionToEdge, edgeIds, edgeToConnection, nodeToActivity } from './graph';
import { idPrefix, nextId } from './ids';
import { clone } from './json';

export const clipboardKind = 'escalationflows/activities';

/** What Ctrl+C puts on the clipboard: the selected activities and the connections among them. */
export interface ClipboardContent {
  kind: typeof clipboardKind;
  activities: ActivityJson[];
  connections: ConnectionJson[];
}

export function copySelection(nodes: ActivityFlowNode[], edges: ConnectionFlowEdge[]): ClipboardContent | null {
  const selected = nodes.filter((n) => n.selected);
  if (selected.length === 0) return null;
  const ids = new Set(selected.map((n) => n.id));
  return {
    kind: clipboardKind,
    activities: selected.map((n) => clone(nodeToActivity(n))),
    connections: edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => clone(edgeToConnection(e))),
  };
}

export function parseClipboard(text: string): ClipboardContent | null {
  try {
    const value = JSON.parse(text) as Partial<ClipboardContent>;
    return value.kind === clipboardKind && Array.isArray(value.activities) && Array.isArray(value.connections) ? (value as ClipboardContent) : null;
  } catch {
    return null;
  }
}

/**
 * Pasted copies get fresh ids (never colliding with `existingIds`), sit `offset` further right and down, and are
 * selected; connections among them are re-pointed to the new ids.
 */
export function pasteClipboard(
  content: ClipboardContent,
  existingIds: Iterable<string>,
  offset = 40,
): { nodes: ActivityFlowNode[]; edges: ConnectionFlowEdge[] } {
  const taken = new Set(existingIds);
  const renamed = new Map<string, string>();
  const nodes = content.activities.map((source, index) => {
    const id = nextId(idPrefix(source.type), taken);
    renamed.set(source.id, id);
    const activity = clone(source);
    activity.id = id;
    const position = activity.metadata?.designer?.position;
    if (position) activity.metadata!.designer!.position = { x: position.x + offset, y: position.y + offset };
    const node = activityToNode(activity, index);
    return { ...node, selected: true };
  });
  const connections = content.connections
    .filter((c) => renamed.has(c.source.activity) && renamed.has(c.target.activity))
    .map((c) => ({
      ...clone(c),
      source: { ...c.source, activity: renamed.get(c.source.activity)! },
      target: { ...c.target, activity: renamed.get(c.target.activity)! },
    }));
  const ids = edgeIds(connections);
  return { nodes, edges: connections.map((c, i) => connectionToEdge(c, ids[i]!)) };
}
