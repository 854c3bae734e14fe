import type { ActivityDescriptor, InputDescriptor } from '../../api/types';

/*
 * Test and dev-server copies of the engine's built-in descriptors (src/EscalationFlows.Engine/Activities/BuiltIn),
 * plus stand-ins for the domain activities HumanTask and Escalations.Route that arrive later. The running studio
 * never uses these: it reads GET /api/activity-descriptors.
 */

function input(partial: Partial<InputDescriptor> & { name: string }): InputDescriptor {
  return { type: 'string', required: false, supportsExpressions: true, defaultExpressionType: 'literal', uiHint: 'singleline', html: false, ...partial };
}

function activity(partial: Partial<ActivityDescriptor> & { type: string; category: string }): ActivityDescriptor {
  return { displayName: partial.type, description: '', kind: 'action', inputs: [], outputs: [], ports: ['Done'], isStart: false, ...partial };
}

export const testDescriptors: ActivityDescriptor[] = [
  activity({ type: 'Start', category: 'Flow', displayName: 'Start', description: 'Where an instance started through the API begins.', isStart: true }),
  activity({ type: 'End', category: 'Flow', displayName: 'End', description: 'Finishes the instance.', ports: [] }),
  activity({
    type: 'Decision', category: 'Flow', displayName: 'Decision', description: 'Evaluates a condition and continues on True or False.',
    inputs: [input({ name: 'condition', displayName: 'Condition', type: 'boolean', required: true, defaultExpressionType: 'javascript', uiHint: 'code' })],
    ports: ['True', 'False'],
  }),
  activity({
    type: 'Switch', category: 'Flow', displayName: 'Switch', description: 'First case whose condition is true, else Default.',
    inputs: [input({ name: 'cases', displayName: 'Cases', type: 'array', required: true, supportsExpressions: false, uiHint: 'switch-cases' })],
    ports: ['Default'], portsFromInput: 'cases',
  }),
  activity({
    type: 'Fork', category: 'Flow', displayName: 'Fork', description: 'Starts parallel branches.',
    inputs: [input({ name: 'branches', displayName: 'Branches', type: 'array', supportsExpressions: false, uiHint: 'outcomes' })],
    portsFromInput: 'branches',
  }),
  activity({
    type: 'Join', category: 'Flow', displayName: 'Join', description: 'WaitAll or WaitAny.',
    inputs: [input({ name: 'mode', displayName: 'Mode', default: 'WaitAll', supportsExpressions: false, uiHint: 'dropdown', options: ['WaitAll', 'WaitAny'] })],
  }),
  activity({
    type: 'Fault', category: 'Flow', displayName: 'Fault', description: 'Raises an incident.', ports: [],
    inputs: [
      input({ name: 'message', displayName: 'Message', required: true, defaultExpressionType: 'template' }),
      input({ name: 'code', displayName: 'Code', default: 'fault', supportsExpressions: false }),
    ],
  }),
  activity({
    type: 'SetVariable', category: 'Data', displayName: 'Set variable', description: 'Sets a declared workflow variable.',
    inputs: [
      input({ name: 'variable', displayName: 'Variable', required: true, supportsExpressions: false, uiHint: 'variable-picker' }),
      input({ name: 'value', displayName: 'Value', type: 'any', required: true, defaultExpressionType: 'javascript', uiHint: 'code' }),
    ],
  }),
  activity({
    type: 'Log', category: 'Diagnostics', displayName: 'Log', description: 'Writes a message to the journal.',
    inputs: [
      input({ name: 'message', displayName: 'Message', required: true, defaultExpressionType: 'template', uiHint: 'multiline' }),
      input({ name: 'level', displayName: 'Level', default: 'Information', supportsExpressions: false, uiHint: 'dropdown', options: ['Debug', 'Information', 'Warning', 'Error'] }),
    ],
  }),
  activity({
    type: 'Delay', category: 'Timing', displayName: 'Delay', description: 'Waits for a duration.', kind: 'blocking', bookmarkKind: 'Timer',
    inputs: [input({ name: 'duration', displayName: 'Duration', type: 'duration', required: true, uiHint: 'duration' })],
  }),
  activity({
    type: 'Timer', category: 'Timing', displayName: 'Timer', description: 'Waits until a date-time or for a duration.', kind: 'blocking', bookmarkKind: 'Timer',
    inputs: [
      input({ name: 'until', displayName: 'Until', type: 'datetime', uiHint: 'datetime' }),
      input({ name: 'duration', displayName: 'Or after', type: 'duration', uiHint: 'duration' }),
    ],
  }),
  activity({
    type: 'WaitForEvent', category: 'Events', displayName: 'Wait for event', description: 'Waits for a named event.', kind: 'blocking', bookmarkKind: 'Event',
    inputs: [
      input({ name: 'eventName', displayName: 'Event name', required: true, supportsExpressions: false }),
      input({ name: 'correlationId', displayName: 'Correlation id', defaultExpressionType: 'javascript' }),
    ],
    outputs: [{ name: 'payload', type: 'object', description: 'The event payload.' }],
  }),
  activity({
    type: 'EventTrigger', category: 'Events', displayName: 'Event trigger', description: 'Starts an instance on an event.', kind: 'trigger',
    inputs: [input({ name: 'eventName', displayName: 'Event name', required: true, supportsExpressions: false })],
    outputs: [{ name: 'payload', type: 'object' }],
  }),
  activity({
    type: 'RunWorkflow', category: 'Composition', displayName: 'Run workflow', description: 'Runs a child workflow.', kind: 'blocking', bookmarkKind: 'ChildWorkflow',
    inputs: [
      input({ name: 'definitionId', displayName: 'Workflow', required: true, supportsExpressions: false, uiHint: 'workflow-picker' }),
      input({ name: 'input', displayName: 'Input', type: 'object', defaultExpressionType: 'javascript', uiHint: 'code' }),
      input({ name: 'correlationId', displayName: 'Correlation id', defaultExpressionType: 'javascript' }),
    ],
    outputs: [{ name: 'output', type: 'object' }, { name: 'childInstanceId', type: 'string' }],
    ports: ['Done', 'Failed'],
  }),
  activity({
    type: 'SendHttpRequest', category: 'Integration', displayName: 'Send HTTP request', description: 'Calls an HTTP endpoint.',
    inputs: [
      input({ name: 'url', displayName: 'URL', required: true, defaultExpressionType: 'template' }),
      input({ name: 'method', displayName: 'Method', default: 'GET', supportsExpressions: false, uiHint: 'dropdown', options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] }),
      input({ name: 'headers', displayName: 'Headers', type: 'object', uiHint: 'json' }),
      input({ name: 'body', displayName: 'Body', type: 'any', defaultExpressionType: 'javascript', uiHint: 'code' }),
      input({ name: 'timeout', displayName: 'Timeout', type: 'duration', default: 'PT30S', uiHint: 'duration' }),
    ],
    outputs: [{ name: 'statusCode', type: 'integer' }, { name: 'body', type: 'any' }],
    ports: ['Done', 'Failed'],
  }),
  activity({
    type: 'HumanTask', category: 'Escalation', displayName: 'Human task', description: 'Like the server\'s: asks a person to fill a form and pick an outcome (default outcome Done).', kind: 'blocking', bookmarkKind: 'HumanTask',
    inputs: [
      input({ name: 'title', displayName: 'Title', required: true, defaultExpressionType: 'template' }),
      input({ name: 'assignee', displayName: 'Assignee', defaultExpressionType: 'variable' }),
      input({ name: 'form', displayName: 'Form', type: 'object', supportsExpressions: false, uiHint: 'form-designer' }),
      input({ name: 'outcomes', displayName: 'Outcomes', type: 'array', supportsExpressions: false, uiHint: 'outcomes', default: ['Done'] }),
      input({ name: 'dueAt', displayName: 'Due at', type: 'datetime', uiHint: 'datetime' }),
    ],
    outputs: [{ name: 'data', type: 'object' }],
    ports: [], portsFromInput: 'outcomes',
  }),
  activity({
    type: 'Escalations.Route', category: 'Escalation', displayName: 'Route', description: 'Stand-in: picks a team and authority level from a decision table.',
    inputs: [input({ name: 'rules', displayName: 'Rules', type: 'array', required: true, supportsExpressions: false, uiHint: 'decision-table' })],
    outputs: [{ name: 'team', type: 'string' }, { name: 'authorityLevel', type: 'string' }],
  }),
];
