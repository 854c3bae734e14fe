import type { ActivityFlowNode, ActivityNodeData, ConnectionEdgeData, ConnectionFlowEdge } from '../lib/graph';

export type NodeDecoration = Partial<Pick<ActivityNodeData, 'errors' | 'mark' | 'runs' | 'faults' | 'extraPorts'>>;
export type EdgeDecoration = { mark?: ConnectionEdgeData['mark']; errors?: string[] };

const nodeCache = new WeakMap<ActivityFlowNode, { key: string; node: ActivityFlowNode }>();
const edgeCache = new WeakMap<ConnectionFlowEdge, { key: string; edge: ConnectionFlowEdge }>();

/**
 * Adds display-only decorations to nodes without breaking memoization: an undecorated node is passed through as is,
 * and a decorated one is rebuilt only when the node or its decoration changes.
 */
export function decorateNodes(nodes: ActivityFlowNode[], decorations: ReadonlyMap<string, NodeDecoration>): ActivityFlowNode[] {
  if (decorations.size === 0) return nodes;
  return nodes.map((node) => {
    const decoration = decorations.get(node.id);
    if (!decoration) return node;
    const key = JSON.stringify(decoration);
    const cached = nodeCache.get(node);
    if (cached && cached.key === key) return cached.node;
    const decorated = { ...node, data: { ...node.data, ...decoration } };
    nodeCache.set(node, { key, node: decorated });
    return decorated;
  });
}

export function decorateEdges(edges: ConnectionFlowEdge[], decorations: ReadonlyMap<string, EdgeDecoration>): ConnectionFlowEdge[] {
  if (decorations.size === 0) return edges;
  return edges.map((edge) => {
    const decoration = decorations.get(edge.id);
    if (!decoration) return edge;
    const key = JSON.stringify(decoration);
    const cached = edgeCache.get(edge);
    if (cached && cached.key === key) return cached.edge;
    const classes = [edge.className, decoration.mark ? `edge-${decoration.mark}` : '', decoration.errors?.length ? 'edge-error' : ''].filter(Boolean).join(' ');
    const decorated: ConnectionFlowEdge = { ...edge, className: classes, data: { ...edge.data, ...decoration } };
    if (decoration.mark === 'traversed') decorated.animated = true;
    edgeCache.set(edge, { key, edge: decorated });
    return decorated;
  });
}


/** Edge classes from the marks stored in edge data (diff view builds them in). */
export function edgesFromMarks(edges: ConnectionFlowEdge[]): ConnectionFlowEdge[] {
  return edges.map((e) => (e.data?.mark ? { ...e, className: `edge-${e.data.mark}` } : e));
}
