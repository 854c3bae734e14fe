import type { Edge, Node } from '@xyflow/react';
import type { ActivityJson, ConnectionJson, Position, WorkflowDefinition } from '../api/types';
import { defaultPort } from './ports';

/** What a canvas node carries. Only `activity` (plus the node position) goes back into the definition. */
export interface ActivityNodeData extends Record<string, unknown> {
  /** The activity exactly as in the definition; `metadata.designer.position` is superseded by the node position. */
  activity: ActivityJson;
  /** True while the node sits on a position the designer invented because the JSON had none. */
  autoPosition?: boolean;
  /** Decorations for display only (validation, diff, instance state); never exported. */
  errors?: string[];
  mark?: NodeMark;
  runs?: number;
  faults?: number;
  /** Ports used by connections but unknown to the descriptor, so those edges still have a handle. */
  extraPorts?: string[];
}

export type NodeMark = 'added' | 'removed' | 'changed' | 'executed' | 'faulted' | 'waiting';

export interface ConnectionEdgeData extends Record<string, unknown> {
  vertices?: Position[];
  /** The JSON connection named no source port (so it left from Done); kept to round-trip the document. */
  implicitPort?: boolean;
  targetPort?: string;
  mark?: 'added' | 'removed' | 'traversed';
  errors?: string[];
}

export type ActivityFlowNode = Node<ActivityNodeData, 'activity'>;
export type ConnectionFlowEdge = Edge<ConnectionEdgeData>;

/** The definition minus its activities and connections: name, variables, inputs, options, ... */
export type WorkflowShell = Omit<WorkflowDefinition, 'root'> & { root: Omit<WorkflowDefinition['root'], 'activities' | 'connections'> };

export interface GraphModel {
  shell: WorkflowShell;
  nodes: ActivityFlowNode[];
  edges: ConnectionFlowEdge[];
  /** The JSON had no `connections` array at all. */
  connectionsOmitted: boolean;
}

export const nodeWidth = 200;

/** Height of a node with this many outgoing ports (one handle row each). */
export function nodeHeight(portCount: number): number {
  return Math.max(60, 38 + portCount * 20);
}

export function connectionKey(c: ConnectionJson): string {
  return `${c.source.activity}:${c.source.port ?? defaultPort}->${c.target.activity}`;
}

export function edgeKey(source: string, port: string | null | undefined, target: string): string {
  return `${source}:${port ?? defaultPort}->${target}`;
}

/** A grid spot for activities that come without a designer position. */
export function gridPosition(index: number): Position {
  return { x: 80 + (index % 6) * 260, y: 80 + Math.floor(index / 6) * 160 };
}

/** What assistive technology announces for a node. */
export function nodeAriaLabel(activity: ActivityJson): string {
  return `${activity.name || activity.id} (${activity.type})`;
}

export function activityToNode(activity: ActivityJson, index: number): ActivityFlowNode {
  const stored = activity.metadata?.designer?.position;
  const hasPosition = !!stored && typeof stored.x === 'number' && typeof stored.y === 'number';
  return {
    id: activity.id,
    type: 'activity',
    position: hasPosition ? { x: stored.x, y: stored.y } : gridPosition(index),
    data: hasPosition ? { activity } : { activity, autoPosition: true },
    initialWidth: nodeWidth,
    initialHeight: nodeHeight(1),
    ariaLabel: nodeAriaLabel(activity),
  };
}

export function connectionToEdge(c: ConnectionJson, id: string): ConnectionFlowEdge {
  const data: ConnectionEdgeData = {};
  if (c.source.port == null) data.implicitPort = true;
  if (c.target.port != null) data.targetPort = c.target.port;
  if (c.vertices != null) data.vertices = c.vertices;
  return {
    id,
    source: c.source.activity,
    sourceHandle: c.source.port ?? defaultPort,
    target: c.target.activity,
    targetHandle: 'in',
    type: 'connection',
    data,
  };
}

/** Unique edge ids for a list of connections: the connection key, suffixed #2, #3 ... on repeats. */
export function edgeIds(connections: ConnectionJson[]): string[] {
  const seen = new Map<string, number>();
  return connections.map((c) => {
    const key = connectionKey(c);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  });
}

export function definitionToGraph(definition: WorkflowDefinition): GraphModel {
  const { root, ...rest } = definition;
  const { activities, connections, ...rootRest } = root;
  const ids = edgeIds(connections ?? []);
  return {
    shell: { ...rest, root: rootRest },
    nodes: activities.map(activityToNode),
    edges: (connections ?? []).map((c, i) => connectionToEdge(c, ids[i]!)),
    connectionsOmitted: connections === undefined,
  };
}

export function nodeToActivity(node: ActivityFlowNode): ActivityJson {
  const activity = node.data.activity;
  if (node.data.autoPosition) return activity;
  const metadata = activity.metadata ?? {};
  return {
    ...activity,
    metadata: { ...metadata, designer: { ...metadata.designer, position: { x: node.position.x, y: node.position.y } } },
  };
}

export function edgeToConnection(edge: ConnectionFlowEdge): ConnectionJson {
  const data = edge.data ?? {};
  const port = edge.sourceHandle ?? defaultPort;
  const source = data.implicitPort && port === defaultPort ? { activity: edge.source } : { activity: edge.source, port };
  const target = data.targetPort !== undefined ? { activity: edge.target, port: data.targetPort } : { activity: edge.target };
  return data.vertices !== undefined ? { source, target, vertices: data.vertices } : { source, target };
}

export function graphToDefinition(model: GraphModel): WorkflowDefinition {
  const root: WorkflowDefinition['root'] = { ...model.shell.root, activities: model.nodes.map(nodeToActivity) };
  if (!(model.connectionsOmitted && model.edges.length === 0)) root.connections = model.edges.map(edgeToConnection);
  return { ...model.shell, root };
}
