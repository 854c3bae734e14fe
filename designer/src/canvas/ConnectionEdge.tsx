import { memo } from 'react';
import { BaseEdge, getBezierPath } from '@xyflow/react';
import type { EdgeProps } from '@xyflow/react';
import type { ConnectionFlowEdge } from '../lib/graph';

/** A connection: a bezier curve, or a polyline through its stored bend points (`vertices`) when it has some. */
function ConnectionEdgeView({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd, style, interactionWidth }: EdgeProps<ConnectionFlowEdge>) {
  const vertices = data?.vertices;
  let path: string;
  if (vertices && vertices.length > 0) {
    path = [`M ${sourceX},${sourceY}`, ...vertices.map((v) => `L ${v.x},${v.y}`), `L ${targetX},${targetY}`].join(' ');
  } else {
    [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  }
  return <BaseEdge path={path} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth} />;
}

export const ConnectionEdge = memo(ConnectionEdgeView);
export const edgeTypes = { connection: ConnectionEdge };
