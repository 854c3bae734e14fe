import { query, request } from './client';
import { mapDiff } from './diffMapping';
import type { EscalationQuery } from '../lib/escalationFilters';
import type {
  ActivityDescriptor,
  ClientAnswer,
  ClientEscalationView,
  ClientTaskView,
  CompleteTaskRequest,
  CurrentUser,
  DefinitionDiffResponse,
  DefinitionSummary,
  DefinitionVersion,
  DefinitionVersionSummary,
  ElevateEscalationRequest,
  EscalationDetails,
  EscalationPage,
  FlagEscalationRequest,
  InstanceDetails,
  InstancePage,
  JournalEntry,
  JournalPage,
  LoginRequest,
  ReassignTaskRequest,
  StartInstanceRequest,
  TaskDetails,
  TaskPage,
  Team,
  User,
  ValidationResult,
  WorkflowDefinition,
  WorkflowRun,
} from './types';

const defs = '/api/workflow-definitions';
const enc = encodeURIComponent;

/** The most journal entries the server returns per call. */
const journalPageSize = 1000;
/** The instance viewer reads at most this many journal entries. */
export const journalLimit = 20_000;

export interface TaskFilter {
  assignee?: string;
  team?: string;
  status?: 'open' | 'completed' | 'cancelled' | 'all';
  sort?: 'due' | 'priority' | 'created';
  page?: number;
  pageSize?: number;
}

async function journal(id: string, signal?: AbortSignal): Promise<JournalEntry[]> {
  const entries: JournalEntry[] = [];
  let after = 0;
  while (entries.length < journalLimit) {
    const page = await request<JournalPage>('GET', `/api/workflow-instances/${enc(id)}/journal${query({ after, max: journalPageSize })}`, undefined, signal);
    entries.push(...page.entries);
    if (page.entries.length < journalPageSize) break;
    after = page.nextAfter;
  }
  return entries;
}

export const api = {
  descriptors: (signal?: AbortSignal) => request<ActivityDescriptor[]>('GET', '/api/activity-descriptors', undefined, signal),

  listDefinitions: (search?: string, signal?: AbortSignal) => request<DefinitionSummary[]>('GET', `${defs}${query({ search })}`, undefined, signal),
  getDefinition: (id: string, version: number | 'latest' | 'published' = 'latest', signal?: AbortSignal) =>
    request<DefinitionVersion>('GET', `${defs}/${enc(id)}${query({ version })}`, undefined, signal),
  listVersions: (id: string, signal?: AbortSignal) => request<DefinitionVersionSummary[]>('GET', `${defs}/${enc(id)}/versions`, undefined, signal),
  saveDefinition: (definition: WorkflowDefinition) => request<DefinitionVersion>('POST', defs, definition),
  publish: (id: string, version?: number) => request<DefinitionVersion>('POST', `${defs}/${enc(id)}/publish`, version === undefined ? {} : { version }),
  retract: (id: string) => request<DefinitionVersion>('POST', `${defs}/${enc(id)}/retract`, {}),
  deleteVersion: (id: string, version: number) => request<void>('DELETE', `${defs}/${enc(id)}/versions/${version}`),
  diff: async (id: string, from: number, to: number) => mapDiff(await request<DefinitionDiffResponse>('GET', `${defs}/${enc(id)}/diff${query({ from, to })}`)),
  validate: (definition: WorkflowDefinition, signal?: AbortSignal) => request<ValidationResult>('POST', `${defs}/validate`, definition, signal),
  exportDefinition: (id: string, version?: number) => request<WorkflowDefinition>('GET', `${defs}/${enc(id)}/export${query({ version })}`),
  importDefinition: (definition: unknown) => request<DefinitionVersion>('POST', `${defs}/import`, definition),

  startInstance: (body: StartInstanceRequest) => request<WorkflowRun>('POST', '/api/workflow-instances', body),
  listInstances: (filter: { definitionId?: string; status?: string; page?: number }, signal?: AbortSignal) =>
    request<InstancePage>('GET', `/api/workflow-instances${query(filter)}`, undefined, signal),
  getInstance: (id: string, signal?: AbortSignal) => request<InstanceDetails>('GET', `/api/workflow-instances/${enc(id)}`, undefined, signal),
  journal,
  cancelInstance: (id: string) => request<WorkflowRun>('POST', `/api/workflow-instances/${enc(id)}/cancel`, {}),
  retryInstance: (id: string) => request<WorkflowRun>('POST', `/api/workflow-instances/${enc(id)}/retry`, {}),

  listTasks: (filter: TaskFilter, signal?: AbortSignal) => request<TaskPage>('GET', `/api/tasks${query({ ...filter })}`, undefined, signal),
  getTask: (id: string, signal?: AbortSignal) => request<TaskDetails>('GET', `/api/tasks/${enc(id)}`, undefined, signal),
  claimTask: (id: string) => request<TaskDetails>('POST', `/api/tasks/${enc(id)}/claim`, {}),
  releaseTask: (id: string, reason?: string) => request<TaskDetails>('POST', `/api/tasks/${enc(id)}/release`, reason ? { reason } : {}),
  reassignTask: (id: string, body: ReassignTaskRequest) => request<TaskDetails>('POST', `/api/tasks/${enc(id)}/reassign`, body),
  completeTask: (id: string, body: CompleteTaskRequest) => request<TaskDetails>('POST', `/api/tasks/${enc(id)}/complete`, body),
  teams: (signal?: AbortSignal) => request<Team[]>('GET', '/api/teams', undefined, signal),
  users: (signal?: AbortSignal) => request<User[]>('GET', '/api/users', undefined, signal),

  clientRequest: (token: string, signal?: AbortSignal) => request<ClientTaskView>('GET', `/api/client/${enc(token)}`, undefined, signal),
  clientRespond: (token: string, body: CompleteTaskRequest) => request<ClientAnswer>('POST', `/api/client/${enc(token)}/respond`, body),
  escalationForClient: (id: string, token: string, signal?: AbortSignal) =>
    request<ClientEscalationView>('GET', `/api/escalations/${enc(id)}/client?token=${enc(token)}`, undefined, signal),
  escalationClientAnswer: (id: string, token: string, answer: 'confirm' | 'reject', comment: string) =>
    request<ClientAnswer>('POST', `/api/escalations/${enc(id)}/client/${answer}?token=${enc(token)}`, comment ? { comment } : {}),

  listEscalations: (filter: EscalationQuery, signal?: AbortSignal) =>
    request<EscalationPage>('GET', `/api/escalations${query({ ...filter, open: filter.open === undefined ? undefined : String(filter.open) })}`, undefined, signal),
  getEscalation: (id: string, signal?: AbortSignal) => request<EscalationDetails>('GET', `/api/escalations/${enc(id)}`, undefined, signal),
  flagEscalation: (id: string, body: FlagEscalationRequest) => request<EscalationDetails>('POST', `/api/escalations/${enc(id)}/flag`, body),
  elevateEscalation: (id: string, body: ElevateEscalationRequest) => request<EscalationDetails>('POST', `/api/escalations/${enc(id)}/elevate`, body),

  login: (body: LoginRequest) => request<CurrentUser | undefined>('POST', '/api/auth/login', body),
  logout: () => request<void>('POST', '/api/auth/logout', {}),
  me: (signal?: AbortSignal) => request<CurrentUser>('GET', '/api/auth/me', undefined, signal),
};
