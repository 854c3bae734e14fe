/*
 * HAND-WRITTEN STAND-IN FOR THE GENERATED API TYPES.
 *
 * These types are derived from the REST contract agreed for issue #7 and from the engine's definition model
 * (src/EscalationFlows.Engine/Definitions, workflows/schema/workflow-definition.schema.json). Once the server
 * publishes /openapi/v1.json, run `npm run gen:api` (writes src/api/schema.d.ts) and replace the bodies below
 * with aliases of the generated `components["schemas"][...]` types. Nothing else in the studio declares API
 * shapes: every module imports them from here, so that swap touches this one file.
 */

// ---------------------------------------------------------------------------------------------------------
// Workflow definition JSON (the document the designer edits)
// ---------------------------------------------------------------------------------------------------------

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const expressionTypes = ['literal', 'javascript', 'template', 'variable', 'input'] as const;
export type ExpressionType = (typeof expressionTypes)[number];

export interface Expression {
  type: ExpressionType;
  value?: JsonValue;
}

export interface InputBinding {
  expression: Expression;
}

export interface Position {
  x: number;
  y: number;
}

export interface RetryPolicy {
  maxAttempts?: number;
  delay?: string;
  backoffMultiplier?: number;
  maxDelay?: string;
  jitterRatio?: number;
}

/** `metadata` is free-form; the designer owns `metadata.designer`. */
export interface ActivityMetadata {
  designer?: {
    position?: Position;
    /** Expression type chosen for an input that currently has no value (see lib/expressions.ts). */
    expressionTypes?: Record<string, ExpressionType>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export interface ActivityJson {
  id: string;
  type: string;
  name?: string;
  inputs?: Record<string, InputBinding>;
  outputs?: Record<string, string>;
  retry?: RetryPolicy;
  metadata?: ActivityMetadata;
}

export interface ConnectionEndpoint {
  activity: string;
  port?: string;
}

export interface ConnectionJson {
  source: ConnectionEndpoint;
  target: ConnectionEndpoint;
  vertices?: Position[];
}

export const valueTypes = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'datetime', 'duration', 'any'] as const;
export type ValueType = (typeof valueTypes)[number];

export interface WorkflowInputDefinition {
  name: string;
  type?: ValueType;
  required?: boolean;
  default?: JsonValue;
  description?: string;
}

export interface WorkflowOutputDefinition {
  name: string;
  type?: ValueType;
  variable?: string;
  description?: string;
}

export interface VariableDefinition {
  name: string;
  type?: ValueType;
  default?: JsonValue;
  description?: string;
}

export interface FlowchartJson {
  type: 'Flowchart';
  activities: ActivityJson[];
  connections?: ConnectionJson[];
}

export interface WorkflowDefinition {
  $schema?: string;
  definitionId: string;
  version?: number;
  name: string;
  description?: string;
  inputs?: WorkflowInputDefinition[];
  outputs?: WorkflowOutputDefinition[];
  variables?: VariableDefinition[];
  options?: { incidentStrategy?: 'fault' | 'continue' };
  root: FlowchartJson;
}

// ---------------------------------------------------------------------------------------------------------
// Activity descriptors (GET /api/activity-descriptors)
// ---------------------------------------------------------------------------------------------------------

export type ActivityKind = 'action' | 'blocking' | 'trigger';

export type UiHint =
  | 'singleline'
  | 'multiline'
  | 'code'
  | 'dropdown'
  | 'checkbox'
  | 'json'
  | 'duration'
  | 'datetime'
  | 'decision-table'
  | 'form-designer'
  | 'outcomes'
  | 'switch-cases'
  | 'variable-picker'
  | 'workflow-picker';

export interface InputDescriptor {
  name: string;
  displayName?: string;
  description?: string;
  type: ValueType;
  required: boolean;
  default?: JsonValue;
  supportsExpressions: boolean;
  defaultExpressionType: ExpressionType;
  uiHint: UiHint;
  options?: string[];
  html: boolean;
}

export interface OutputDescriptor {
  name: string;
  type: ValueType;
  description?: string;
}

export interface ActivityDescriptor {
  type: string;
  category: string;
  displayName: string;
  description: string;
  kind: ActivityKind;
  bookmarkKind?: string;
  inputs: InputDescriptor[];
  outputs: OutputDescriptor[];
  ports: string[];
  portsFromInput?: string;
  isStart: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Definitions API
// ---------------------------------------------------------------------------------------------------------

export interface DefinitionSummary {
  definitionId: string;
  name: string;
  description?: string;
  latestVersion: number;
  publishedVersion?: number;
  versionCount: number;
  updatedAt: string;
}

export type VersionStatus = 'draft' | 'published' | 'retracted';

export interface DefinitionVersionSummary {
  definitionId: string;
  version: number;
  status: VersionStatus;
  isPublished: boolean;
  isLatest: boolean;
  contentHash: string;
  createdAt: string;
  updatedAt: string;
}

export interface DefinitionVersion extends DefinitionVersionSummary {
  definition: WorkflowDefinition;
}

export interface PublishRequest {
  version?: number;
}

export interface DefinitionError {
  pointer: string;
  code: string;
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: DefinitionError[];
}

/** RFC 9457 problem details as the server sends them. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: DefinitionError[];
}

/** The diff as the server sends it; its exact shape is normalised in api/diffMapping.ts only. */
export interface DefinitionDiffResponse {
  activities?: {
    added?: unknown[];
    removed?: unknown[];
    changed?: unknown[];
  };
  connections?: {
    added?: unknown[];
    removed?: unknown[];
  };
}

// ---------------------------------------------------------------------------------------------------------
// Instances API
// ---------------------------------------------------------------------------------------------------------

export type InstanceStatus = 'Running' | 'Suspended' | 'Finished' | 'Cancelled' | 'Faulted';

export interface StartInstanceRequest {
  definitionId: string;
  version?: number;
  input: JsonObject;
  correlationId?: string;
}

export interface InstanceSummary {
  id: string;
  definitionId: string;
  version: number;
  status: InstanceStatus;
  subStatus?: string;
  correlationId?: string;
  createdAt: string;
  updatedAt: string;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Bookmark {
  id: string;
  activityId: string;
  kind: string;
  stimulusHash?: string;
  correlationId?: string;
  payload?: JsonValue;
  dueAt?: string;
  createdAt?: string;
}

export interface Incident {
  activityId?: string;
  activityType?: string;
  code?: string;
  message?: string;
  timestamp?: string;
  attempt?: number;
  [key: string]: unknown;
}

export interface ActivityRunStats {
  runs: number;
  faults: number;
}

export interface InstanceDetails {
  id: string;
  definitionId: string;
  version: number;
  status: InstanceStatus;
  subStatus?: string;
  correlationId?: string;
  createdAt?: string;
  updatedAt?: string;
  variables: JsonObject;
  input: JsonObject;
  output: JsonObject;
  bookmarks: Bookmark[];
  incidents: Incident[];
  activities: Record<string, ActivityRunStats>;
}

export interface JournalEntry {
  sequence: number;
  timestamp: string;
  event: string;
  activityId?: string;
  activityType?: string;
  outcomes?: string[];
  durationMs?: number;
  attempt?: number;
  bookmarkId?: string;
  message?: string;
}

// ---------------------------------------------------------------------------------------------------------
// Auth API
// ---------------------------------------------------------------------------------------------------------

export const roles = ['admin', 'process-owner', 'escalation-manager', 'agent', 'resolver', 'leadership', 'viewer'] as const;
export type Role = (typeof roles)[number];

export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  teams: string[];
}

export interface LoginRequest {
  email: string;
  password: string;
}
