/**
 * The escalation console's filters ↔ the page's query string, so a filtered view is a link. The query string uses the
 * API's own parameter names (stage, priority, team, owner, client, sla, open, page), with two studio words: owner
 * "mine" (the API's "me") and open "all" (no open filter; the console shows open escalations by default).
 */

export const escalationStages = ['Triage', 'Assignment', 'Investigation', 'Resolution', 'AwaitingClient', 'Closure', 'Closed', 'ReturnedToHandler'] as const;
export const slaStatuses = ['onTrack', 'atRisk', 'breached', 'paused', 'met'] as const;
export const priorities = [1, 2, 3, 4, 5] as const;

export interface EscalationFilters {
  stage?: string;
  priority?: number;
  team?: string;
  /** "mine", or a user id. */
  owner?: string;
  client?: string;
  slaStatus?: string;
  /** true (default): open ones only; false: closed or returned only; undefined: all. */
  open?: boolean;
  page: number;
}

/** What GET /api/escalations takes. */
export interface EscalationQuery {
  stage?: string;
  priority?: number;
  team?: string;
  owner?: string;
  client?: string;
  slaStatus?: string;
  open?: boolean;
  page?: number;
  pageSize?: number;
}

const text = (value: string | null) => (value && value.trim() ? value.trim() : undefined);

/** Reads the filters from a query string; values the API would refuse are dropped rather than sent. */
export function filtersFromQuery(params: URLSearchParams): EscalationFilters {
  const stage = escalationStages.find((s) => s.toLowerCase() === params.get('stage')?.toLowerCase());
  const priority = Number(params.get('priority'));
  const sla = slaStatuses.find((s) => s.toLowerCase() === params.get('sla')?.toLowerCase());
  const open = params.get('open');
  const page = Math.floor(Number(params.get('page')));
  return {
    stage,
    priority: (priorities as readonly number[]).includes(priority) ? priority : undefined,
    team: text(params.get('team')),
    owner: text(params.get('owner')),
    client: text(params.get('client')),
    slaStatus: sla,
    open: open === 'all' ? undefined : open === 'closed' ? false : true,
    page: page >= 1 ? page : 1,
  };
}

/** Writes the filters as a query string: defaults (open only, page 1) and empty values are left out. */
export function filtersToQuery(filters: EscalationFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.stage) params.set('stage', filters.stage);
  if (filters.priority) params.set('priority', String(filters.priority));
  if (filters.team) params.set('team', filters.team);
  if (filters.owner) params.set('owner', filters.owner);
  if (filters.client) params.set('client', filters.client);
  if (filters.slaStatus) params.set('sla', filters.slaStatus);
  if (filters.open === undefined) params.set('open', 'all');
  else if (!filters.open) params.set('open', 'closed');
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** One filter changed: back to page 1 (unless the page itself changed). */
export function withFilter<K extends keyof EscalationFilters>(filters: EscalationFilters, key: K, value: EscalationFilters[K]): EscalationFilters {
  return { ...filters, [key]: value, page: key === 'page' ? (value as number) : 1 };
}

/** The API call for these filters ("mine" is the API's "me"). */
export function toApiQuery(filters: EscalationFilters, pageSize = 50): EscalationQuery {
  return {
    stage: filters.stage,
    priority: filters.priority,
    team: filters.team,
    owner: filters.owner === 'mine' ? 'me' : filters.owner,
    client: filters.client,
    slaStatus: filters.slaStatus,
    open: filters.open,
    page: filters.page,
    pageSize,
  };
}

/** Plain words for a stage ("AwaitingClient" → "Awaiting client"). */
export function stageLabel(stage: string): string {
  const words = stage.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Plain words for an SLA status ("atRisk" → "at risk"). */
export function slaLabel(status: string | null | undefined): string {
  return status ? status.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : '';
}
