import { query, request } from './client';
import { mapDiff } from './diffMapping';
import type {
  ActivityDescriptor,
  CurrentUser,
  DefinitionDiffResponse,
  DefinitionSummary,
  DefinitionVersion,
  DefinitionVersionSummary,
  InstanceDetails,
  InstanceSummary,
  JournalEntry,
  LoginRequest,
  Paged,
  StartInstanceRequest,
  ValidationResult,
  WorkflowDefinition,
} from './types';

const defs = '/api/workflow-definitions';
const enc = encodeURIComponent;

export const api = {
  descriptors: (signal?: AbortSignal) => request<ActivityDescriptor[]>('GET', '/api/activity-descriptors', undefined, signal),

  listDefinitions: (search?: string, signal?: AbortSignal) => request<DefinitionSummary[]>('GET', `${defs}${query({ search })}`, undefined, signal),
  getDefinition: (id: string, version: number | 'latest' | 'published' = 'latest', signal?: AbortSignal) =>
    request<DefinitionVersion>('GET', `${defs}/${enc(id)}${query({ version })}`, undefined, signal),
  listVersions: (id: string, signal?: AbortSignal) => request<DefinitionVersionSummary[]>('GET', `${defs}/${enc(id)}/versions`, undefined, signal),
  saveDefinition: (definition: WorkflowDefinition) => request<DefinitionVersion>('POST', defs, definition),
  publish: (id: string, version?: number) => request<DefinitionVersionSummary>('POST', `${defs}/${enc(id)}/publish`, version === undefined ? {} : { version }),
  retract: (id: string) => request<DefinitionVersionSummary>('POST', `${defs}/${enc(id)}/retract`, {}),
  deleteVersion: (id: string, version: number) => request<void>('DELETE', `${defs}/${enc(id)}/versions/${version}`),
  diff: async (id: string, from: number, to: number) => mapDiff(await request<DefinitionDiffResponse>('GET', `${defs}/${enc(id)}/diff${query({ from, to })}`)),
  validate: (definition: WorkflowDefinition, signal?: AbortSignal) => request<ValidationResult>('POST', `${defs}/validate`, definition, signal),
  exportDefinition: (id: string, version?: number) => request<WorkflowDefinition>('GET', `${defs}/${enc(id)}/export${query({ version })}`),
  importDefinition: (definition: unknown) => request<DefinitionVersion>('POST', `${defs}/import`, definition),

  startInstance: (body: StartInstanceRequest) => request<InstanceSummary>('POST', '/api/workflow-instances', body),
  listInstances: (filter: { definitionId?: string; status?: string; page?: number }, signal?: AbortSignal) =>
    request<Paged<InstanceSummary>>('GET', `/api/workflow-instances${query(filter)}`, undefined, signal),
  getInstance: (id: string, signal?: AbortSignal) => request<InstanceDetails>('GET', `/api/workflow-instances/${enc(id)}`, undefined, signal),
  journal: (id: string, signal?: AbortSignal) => request<JournalEntry[]>('GET', `/api/workflow-instances/${enc(id)}/journal`, undefined, signal),
  cancelInstance: (id: string) => request<void>('POST', `/api/workflow-instances/${enc(id)}/cancel`, {}),
  retryInstance: (id: string) => request<void>('POST', `/api/workflow-instances/${enc(id)}/retry`, {}),

  login: (body: LoginRequest) => request<CurrentUser | undefined>('POST', '/api/auth/login', body),
  logout: () => request<void>('POST', '/api/auth/logout', {}),
  me: (signal?: AbortSignal) => request<CurrentUser>('GET', '/api/auth/me', undefined, signal),
};
