import type { Position } from '../api/types';
import { nodeHeight, nodeWidth } from './graph';

export interface LayoutNode {
  id: string;
  ports: string[];
  width?: number;
  height?: number;
}

export interface LayoutEdge {
  id: string;
  source: string;
  sourcePort: string;
  target: string;
}

/**
 * Layered left-to-right layout with elkjs, honouring port order so a node's outcome edges do not cross.
 * elkjs (about 1.4 MB) is imported on first use only, so it is its own lazily loaded chunk.
 */
export async function layoutGraph(nodes: LayoutNode[], edges: LayoutEdge[]): Promise<Map<string, Position>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const ids = new Set(nodes.map((n) => n.id));
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.spacing.nodeNode': '40',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: nodes.map((n) => ({
      id: n.id,
      width: n.width ?? nodeWidth,
      height: n.height ?? nodeHeight(n.ports.length),
      layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
      ports: [
        { id: `${n.id}::in`, layoutOptions: { 'elk.port.side': 'WEST' } },
        ...n.ports.map((p, i) => ({ id: `${n.id}::out::${p}`, layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(n.ports.length - i) } })),
      ],
    })),
    edges: edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e) => {
        const node = nodes.find((n) => n.id === e.source);
        const port = node?.ports.includes(e.sourcePort) ? `${e.source}::out::${e.sourcePort}` : e.source;
        return { id: e.id, sources: [port], targets: [`${e.target}::in`] };
      }),
  };
  const result = await elk.layout(graph);
  const positions = new Map<string, Position>();
  for (const child of result.children ?? []) positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  return positions;
}
