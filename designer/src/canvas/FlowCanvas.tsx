import { useEffect, useState } from 'react';
import { Background, Controls, MarkerType, MiniMap, ReactFlow } from '@xyflow/react';
import type { FitViewOptions } from '@xyflow/react';
import type { ReactFlowProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { ActivityFlowNode, ConnectionFlowEdge } from '../lib/graph';
import { nodeTypes } from './ActivityNode';
import { edgeTypes } from './ConnectionEdge';

const markColors: Record<string, string> = {
  added: '#1f9d55',
  removed: '#d64545',
  changed: '#d69e2e',
  executed: '#2457c5',
  faulted: '#d64545',
  waiting: '#d69e2e',
};

function miniMapColor(node: ActivityFlowNode): string {
  if (node.data.errors?.length) return '#d64545';
  return (node.data.mark && markColors[node.data.mark]) || '#94a3b8';
}

const defaultEdgeOptions = { type: 'connection', markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };

/** Above this many activities the canvas opens on the region around the left-most ones instead of fitting all. */
export const fitAllLimit = 60;

/**
 * Where the canvas opens. Small workflows fit entirely; a large one opens at a readable zoom on its beginning (the
 * left-most, top-most activities), so only the visible part is rendered; "Zoom to fit" shows everything.
 */
export function initialFit(nodes: ActivityFlowNode[]): FitViewOptions<ActivityFlowNode> {
  if (nodes.length <= fitAllLimit) return { padding: 0.1, maxZoom: 1 };
  const minX = Math.min(...nodes.map((n) => n.position.x));
  const minY = Math.min(...nodes.map((n) => n.position.y));
  const region = nodes.filter((n) => n.position.x < minX + 1300 && n.position.y < minY + 700);
  return { nodes: region.map((n) => ({ id: n.id })), padding: 0.05, minZoom: 0.6, maxZoom: 1 };
}

export type FlowCanvasProps = ReactFlowProps<ActivityFlowNode, ConnectionFlowEdge> & { readOnly?: boolean; testId?: string };

/**
 * The canvas used by the designer, the version diff and the instance viewer. Only visible nodes and edges are
 * rendered, and node components are memoized, so a 200-activity workflow opens quickly.
 */
export function FlowCanvas({ readOnly, testId = 'canvas', children, ...props }: FlowCanvasProps) {
  const [fitViewOptions] = useState(() => initialFit(props.nodes ?? []));
  const miniMap = useWhenIdle();
  return (
    <div className="canvas" data-testid={testId}>
      <ReactFlow<ActivityFlowNode, ConnectionFlowEdge>
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onlyRenderVisibleElements
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.1}
        maxZoom={2}
        deleteKeyCode={null}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable
        selectionOnDrag={false}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        {...props}
      >
        <Background gap={20} />
        <Controls showInteractive={false} aria-label="Canvas controls" />
        {miniMap && <MiniMap<ActivityFlowNode> pannable zoomable nodeColor={miniMapColor} ariaLabel="Mini map" />}
        {children}
      </ReactFlow>
    </div>
  );
}

/** How long after mounting the mini map waits before it draws (then at the browser's next idle moment). */
const miniMapDelayMs = 1000;

/**
 * False until a moment after mounting, when the browser is idle: the mini map draws every node (all 200 of a large
 * workflow, where the canvas draws only the visible ones), so it waits until the workflow is on screen and usable.
 */
function useWhenIdle(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let handle: number | undefined;
    const timer = setTimeout(() => {
      if (typeof window.requestIdleCallback === 'function') handle = window.requestIdleCallback(() => setIdle(true), { timeout: 1000 });
      else setIdle(true);
    }, miniMapDelayMs);
    return () => {
      clearTimeout(timer);
      if (handle !== undefined) window.cancelIdleCallback(handle);
    };
  }, []);
  return idle;
}
