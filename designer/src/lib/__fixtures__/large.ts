import type { ActivityJson, ConnectionJson, WorkflowDefinition } from '../../api/types';

/** A definition with `count` activities (a Start, then Decision/Log/Delay in rows) and about 1.3 connections each. */
export function largeDefinition(count = 200): WorkflowDefinition {
  const activities: ActivityJson[] = [];
  const connections: ConnectionJson[] = [];
  const types = ['Log', 'Decision', 'Delay', 'SetVariable'];
  for (let i = 0; i < count; i++) {
    const type = i === 0 ? 'Start' : types[i % types.length]!;
    const activity: ActivityJson = { id: `a${i}`, type, name: `${type} ${i}`, metadata: { designer: { position: { x: (i % 20) * 260, y: Math.floor(i / 20) * 160 } } } };
    if (type === 'Log') activity.inputs = { message: { expression: { type: 'template', value: `Step ${i}` } } };
    if (type === 'Decision') activity.inputs = { condition: { expression: { type: 'javascript', value: `attempts > ${i % 7}` } } };
    if (type === 'Delay') activity.inputs = { duration: { expression: { type: 'literal', value: 'PT5M' } } };
    if (type === 'SetVariable') activity.inputs = { variable: { expression: { type: 'literal', value: 'attempts' } }, value: { expression: { type: 'javascript', value: 'attempts + 1' } } };
    activities.push(activity);
    if (i > 0) {
      const previous = activities[i - 1]!;
      connections.push({ source: { activity: previous.id, port: previous.type === 'Decision' ? 'True' : 'Done' }, target: { activity: activity.id } });
      if (previous.type === 'Decision' && i + 2 < count) connections.push({ source: { activity: previous.id, port: 'False' }, target: { activity: `a${i + 2}` } });
    }
  }
  return { definitionId: 'large-200', name: `Large (${count} activities)`, variables: [{ name: 'attempts', type: 'integer', default: 0 }], root: { type: 'Flowchart', activities, connections } };
}
