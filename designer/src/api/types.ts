/*
 * THE STUDIO'S NAMES FOR THE API'S TYPES.
 *
 * Every shape here is an alias of the server's OpenAPI document (openapi/v1.json, the committed copy of
 * /openapi/v1.json) through src/api/schema.d.ts, which `npm run gen:api` generates. Nothing is declared twice: when
 * the server changes a shape, refresh the copy (see docs/designer.md), regenerate, and `tsc` shows every place that
 * must follow. What stays hand-written is only what OpenAPI cannot say:
 *
 *  - JSON values. The schema's "any JSON" (`{}`) is `unknown` in TypeScript; the studio narrows it to JsonValue.
 *  - The designer's own metadata (`activities[].metadata.designer`): free-form in the contract, owned by the studio.
 *  - Server-sent event names of GET /api/live (the document describes the data of one event, not the stream).
 *  - Constant lists of enum values for pickers, checked against the generated unions.
 */
import type { components, operations } from './schema';

type Schemas = components['schemas'];

/** The JSON body of an operation's request (request types are inlined in the document). */
type RequestBody<Operation extends keyof operations> = operations[Operation] extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never;

/** Every member of a union listed once: a constant array typed this way fails to compile when the union changes. */
type AllOf<Union extends string, List extends readonly string[]> = [Union] extends [List[number]] ? ([List[number]] extends [Union] ? List : never) : never;

// ---------------------------------------------------------------------------------------------------------
// JSON values (what OpenAPI's `{}` means)
// ---------------------------------------------------------------------------------------------------------

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

// ---------------------------------------------------------------------------------------------------------
// Workflow definition JSON (the document the designer edits)
// ---------------------------------------------------------------------------------------------------------

export type ExpressionType = Schemas['ExpressionDefinition']['type'];
const expressionTypeList = ['literal', 'javascript', 'template', 'variable', 'input'] as const;
export const expressionTypes: AllOf<ExpressionType, typeof expressionTypeList> = expressionTypeList;

export type Expression = Omit<Schemas['ExpressionDefinition'], 'value'> & { value?: JsonValue };

export interface InputBinding {
  expression: Expression;
}

export type Position = NonNullable<Schemas['Connection']['vertices']>[number];

export type RetryPolicy = Schemas['RetryPolicyDefinition'];

/** `metadata` is free-form in the contract; the designer owns `metadata.designer`. */
export interface ActivityMetadata {
  designer?: {
    position?: Position;
    /** Expression type chosen for an input that currently has no value (see lib/expressions.ts). */
    expressionTypes?: Record<string, ExpressionType>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export type ActivityJson = Omit<Schemas['ActivityNode'], 'inputs' | 'metadata'> & {
  inputs?: Record<string, InputBinding> | null;
  metadata?: ActivityMetadata | null;
};

export type ConnectionEndpoint = Schemas['ConnectionEndpoint'];
export type ConnectionJson = Schemas['Connection'];

export type ValueType = NonNullable<Schemas['InputDescriptor']['type']>;
const valueTypeList = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'datetime', 'duration', 'any'] as const;
export const valueTypes: AllOf<ValueType, typeof valueTypeList> = valueTypeList;

export type WorkflowInputDefinition = Omit<Schemas['WorkflowInputDefinition'], 'default'> & { default?: JsonValue };
export type WorkflowOutputDefinition = Schemas['WorkflowOutputDefinition'];
export type VariableDefinition = Omit<Schemas['VariableDefinition'], 'default'> & { default?: JsonValue };

export type FlowchartJson = Omit<Schemas['FlowchartDefinition'], 'activities'> & { activities: ActivityJson[] };

export type WorkflowDefinition = Omit<Schemas['WorkflowDefinition'], 'root' | 'inputs' | 'variables'> & {
  inputs?: WorkflowInputDefinition[] | null;
  variables?: VariableDefinition[] | null;
  root: FlowchartJson;
};

// ---------------------------------------------------------------------------------------------------------
// Activity descriptors (GET /api/activity-descriptors)
// ---------------------------------------------------------------------------------------------------------

export type ActivityKind = Schemas['ActivityKind'];
export type InputDescriptor = Omit<Schemas['InputDescriptor'], 'default'> & { default?: JsonValue };
export type OutputDescriptor = Schemas['OutputDescriptor'];
export type ActivityDescriptor = Omit<Schemas['ActivityDescriptor'], 'inputs'> & { inputs: InputDescriptor[] };

// ---------------------------------------------------------------------------------------------------------
// Definitions API
// ---------------------------------------------------------------------------------------------------------

export type DefinitionSummary = Schemas['DefinitionSummary'];
export type VersionStatus = Schemas['DefinitionVersionSummary']['status'];
export type DefinitionVersionSummary = Schemas['DefinitionVersionSummary'];
export type DefinitionVersion = Omit<Schemas['DefinitionVersionResponse'], 'definition'> & { definition: WorkflowDefinition };
export type PublishRequest = RequestBody<'PublishWorkflowDefinition'>;
export type DefinitionError = Schemas['ApiError'];
export type ValidationResult = Schemas['DefinitionValidationResponse'];
export type DefinitionDiffResponse = Schemas['DefinitionDiff'];

/** RFC 9457 problem details as the server sends them. */
export type ProblemDetails = Schemas['ApiProblem'];

// ---------------------------------------------------------------------------------------------------------
// Instances API
// ---------------------------------------------------------------------------------------------------------

export type InstanceStatus = Schemas['WorkflowStatus'];
export type StartInstanceRequest = RequestBody<'StartWorkflowInstance'>;
export type WorkflowRun = Schemas['WorkflowRunResponse'];
export type InstanceSummary = Schemas['InstanceSummary'];
export type InstancePage = Schemas['InstancePage'];
export type Bookmark = Schemas['Bookmark'];
export type Incident = Schemas['Incident'];
export type ActivityRunStats = Schemas['ActivityRunSummary'];
export type InstanceDetails = Omit<Schemas['InstanceDetailsResponse'], 'input' | 'variables' | 'output'> & {
  input: JsonObject;
  variables: JsonObject;
  output?: JsonObject | null;
};
export type JournalEntry = Schemas['JournalEntry'];
export type JournalPage = Schemas['JournalResponse'];

// ---------------------------------------------------------------------------------------------------------
// Tasks and client links
// ---------------------------------------------------------------------------------------------------------

export type TaskStatus = Schemas['TaskSummaryResponse']['status'];
export type TaskSummary = Schemas['TaskSummaryResponse'];
export type TaskPage = Schemas['TaskPageResponse'];
export type TaskEvent = Schemas['TaskEventResponse'];
export type TaskDetails = Omit<Schemas['TaskDetailsResponse'], 'context' | 'data'> & { context?: JsonValue; data?: JsonObject | null };
export type CompleteTaskRequest = Omit<RequestBody<'CompleteTask'>, 'data'> & { data: JsonObject };
export type ReassignTaskRequest = RequestBody<'ReassignTask'>;
export type ReleaseTaskRequest = RequestBody<'ReleaseTask'>;
export type ClientTaskView = Schemas['ClientTaskView'];
export type ClientAnswer = Schemas['ClientAnswerResponse'];
export type ClientEscalationView = Schemas['ClientEscalationView'];
export type ClientMessageView = Schemas['ClientMessageView'];
export type Team = Schemas['TeamResponse'];
export type User = Schemas['UserResponse'];

// ---------------------------------------------------------------------------------------------------------
// Escalations
// ---------------------------------------------------------------------------------------------------------

export type EscalationSummary = Schemas['EscalationSummaryView'];
export type EscalationPage = Schemas['EscalationPageResponse'];
export type EscalationDetails = Schemas['EscalationDetailsResponse'];
export type EscalationRecord = Schemas['EscalationView'];
export type TimelineEvent = Schemas['TimelineEvent'];
export type CommunicationEntry = Schemas['CommunicationEntry'];
export type StageOwner = Schemas['StageOwnerView'];
export type ContextSummary = Schemas['ContextSummary'];
export type EscalationTask = Schemas['EscalationTaskView'];
export type EscalationInstance = Schemas['EscalationInstanceView'];
export type EscalationSla = Schemas['TicketSlaSummary'];
export type FlagEscalationRequest = RequestBody<'FlagEscalation'>;
export type ElevateEscalationRequest = RequestBody<'ElevateEscalation'>;

// ---------------------------------------------------------------------------------------------------------
// Live updates (GET /api/live)
// ---------------------------------------------------------------------------------------------------------

/** The data of a `change` event (the stream also sends `ready` first and `ping` when idle). */
export type LiveChange = Schemas['LiveChangeMessage'];
export const liveEvents = { ready: 'ready', change: 'change', ping: 'ping' } as const;

// ---------------------------------------------------------------------------------------------------------
// Auth API
// ---------------------------------------------------------------------------------------------------------

export type Role = Schemas['CurrentUserResponse']['roles'][number];
const roleList = ['admin', 'process-owner', 'escalation-manager', 'agent', 'resolver', 'leadership', 'viewer'] as const;
export const roles: AllOf<Role, typeof roleList> = roleList;

export type CurrentUser = Schemas['CurrentUserResponse'];
export type LoginRequest = RequestBody<'Login'>;
