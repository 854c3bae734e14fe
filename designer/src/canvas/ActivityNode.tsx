import { memo, useMemo } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import type { ActivityFlowNode } from '../lib/graph';
import { nodeHeight } from '../lib/graph';
import { acceptsIncoming, portsOf } from '../lib/ports';
import { useDescriptors } from './DescriptorContext';

const headerHeight = 38;
const rowHeight = 20;

/** One activity: a target handle on the left and one labelled source handle per outcome port on the right. */
function ActivityNodeView({ id, data, selected }: NodeProps<ActivityFlowNode>) {
  const descriptors = useDescriptors();
  const { activity } = data;
  const descriptor = descriptors.get(activity.type);
  const ports = useMemo(() => {
    const list = portsOf(descriptor, activity);
    for (const extra of data.extraPorts ?? []) if (!list.includes(extra)) list.push(extra);
    return list;
  }, [descriptor, activity, data.extraPorts]);
  const errorCount = data.errors?.length ?? 0;
  const classes = ['activity-node', `kind-${descriptor?.kind ?? 'unknown'}`];
  if (selected) classes.push('selected');
  if (errorCount > 0) classes.push('has-errors');
  if (data.mark) classes.push(`mark-${data.mark}`);
  if (!descriptor) classes.push('unknown-type');
  const title = activity.name || activity.id;
  return (
    <div
      className={classes.join(' ')}
      style={{ height: nodeHeight(ports.length) }}
      data-testid={`node-${id}`}
      data-mark={data.mark}
      title={data.errors?.join('\n')}
    >
      <Handle type="target" id="in" position={Position.Left} className={acceptsIncoming(descriptor) ? undefined : 'handle-hidden'} isConnectable={acceptsIncoming(descriptor)} />
      <div className="node-head">
        <div className="node-title">{title}</div>
        <div className="node-type">
          {descriptor?.displayName ?? activity.type}
          {title !== activity.id && <span className="node-id"> · {activity.id}</span>}
        </div>
        <div className="node-badges">
          {errorCount > 0 && (
            <span className="node-badge badge-error" data-testid={`node-errors-${id}`} aria-label={`${errorCount} problems`}>
              {errorCount}!
            </span>
          )}
          {data.runs !== undefined && data.runs > 0 && (
            <span className="node-badge badge-runs" data-testid={`node-runs-${id}`} aria-label={`${data.runs} runs`}>
              ×{data.runs}
            </span>
          )}
          {data.faults !== undefined && data.faults > 0 && (
            <span className="node-badge badge-error" data-testid={`node-faults-${id}`} aria-label={`${data.faults} faults`}>
              ⚠{data.faults}
            </span>
          )}
        </div>
      </div>
      {ports.map((port, i) => {
        const top = headerHeight + i * rowHeight + rowHeight / 2;
        return (
          <div key={port}>
            <span className="port-label" style={{ top: top - 8 }}>
              {port}
            </span>
            <Handle type="source" id={port} position={Position.Right} style={{ top }} data-port={port} />
          </div>
        );
      })}
    </div>
  );
}

export const ActivityNode = memo(ActivityNodeView);
export const nodeTypes = { activity: ActivityNode };
