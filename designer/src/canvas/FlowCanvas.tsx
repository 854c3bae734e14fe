import { Background, Controls, MiniMap, ReactFlow } from '@xyflow/react';
import type { ReactFlowProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { ActivityFlowNode, ConnectionFlowEdge } from '../lib/graph';
import { nodeTypes } from './ActivityNode';

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

const proOptions = { hideAttribution: true };
const defaultEdgeOptions = { type: 'default' as const };

export type FlowCanvasProps = ReactFlowProps<ActivityFlowNode, ConnectionFlowEdge> & { readOnly?: boolean; testId?: string };

/**
 * The canvas used by the designer, the version diff and the instance viewer. Only visible nodes and edges are
 * rendered, and node components are memoized, so a 200-activity workflow opens quickly.
 */
export function FlowCanvas({ readOnly, testId = 'canvas', children, ...props }: FlowCanvasProps) {
  return (
    <div className="canvas" data-testid={testId}>
      <ReactFlow<ActivityFlowNode, ConnectionFlowEdge>
        nodeTypes={nodeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onlyRenderVisibleElements
        fitView
        minZoom={0.1}
        maxZoom={2}
        proOptions={proOptions}
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
        <MiniMap<ActivityFlowNode> pannable zoomable nodeColor={miniMapColor} ariaLabel="Mini map" />
        {children}
      </ReactFlow>
    </div>
  );
}
