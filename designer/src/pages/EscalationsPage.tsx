import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import { ErrorBox, Loading } from '../components/Feedback';
import { useApi } from '../components/useApi';
import { useNow } from '../components/useNow';
import { EscalationPriority, SlaCountdown, StageBadge } from '../escalations/SlaCountdown';
import { useLiveReload } from '../live/useLiveReload';
import type { EscalationFilters } from '../lib/escalationFilters';
import { escalationStages, filtersFromQuery, filtersToQuery, priorities, slaLabel, slaStatuses, stageLabel, toApiQuery, withFilter } from '../lib/escalationFilters';
import { nextDue } from '../lib/slaCountdown';

const pageSize = 50;

/**
 * The escalation console: every escalation the caller may read, filtered by the query string (a filtered view is a
 * link), with a live SLA countdown per row. Reloads on escalation changes from /api/live, on focus and every 30 s.
 */
export default function EscalationsPage() {
  const auth = useAuth();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromQuery(params), [params]);
  const key = filtersToQuery(filters).toString();
  const now = useNow(1000);
  const list = useApi((signal) => api.listEscalations(toApiQuery(filters, pageSize), signal), [key]);
  const teams = useApi((signal) => api.teams(signal), []);
  const users = useApi((signal) => (auth.can('users.read') ? api.users(signal) : Promise.resolve([])), [auth.user?.id]);
  const [client, setClient] = useState(filters.client ?? '');
  // The address is the truth: going back or following a link replaces what was typed.
  useEffect(() => setClient(filters.client ?? ''), [filters.client]);
  const { reload } = list;
  useLiveReload(reload, { matches: useCallback((c) => c.type === 'escalation', []) });

  function set<K extends keyof EscalationFilters>(name: K, value: EscalationFilters[K]) {
    setParams(filtersToQuery(withFilter(filters, name, value)));
  }

  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.totalCount / Math.max(1, data.pageSize))) : 1;
  return (
    <section aria-labelledby="escalations-title" className="escalations">
      <div className="page-head">
        <h1 id="escalations-title">Escalations</h1>
      </div>
      <form
        className="filters filters-wrap"
        role="search"
        aria-label="Filter escalations"
        onSubmit={(e) => {
          e.preventDefault();
          set('client', client.trim() || undefined);
        }}
      >
        <label>
          Stage
          <select value={filters.stage ?? ''} onChange={(e) => set('stage', e.target.value || undefined)} data-testid="filter-stage">
            <option value="">any</option>
            {escalationStages.map((s) => (
              <option key={s} value={s}>
                {stageLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Priority
          <select value={filters.priority ?? ''} onChange={(e) => set('priority', e.target.value ? Number(e.target.value) : undefined)} data-testid="filter-priority">
            <option value="">any</option>
            {priorities.map((p) => (
              <option key={p} value={p}>
                P{p}
              </option>
            ))}
          </select>
        </label>
        <label>
          Team
          <select value={filters.team ?? ''} onChange={(e) => set('team', e.target.value || undefined)} data-testid="filter-team">
            <option value="">any</option>
            {(teams.data ?? []).map((t) => (
              <option key={t.name} value={t.name}>
                {t.name}
              </option>
            ))}
            {filters.team && !(teams.data ?? []).some((t) => t.name === filters.team) && <option value={filters.team}>{filters.team}</option>}
          </select>
        </label>
        <label>
          Owner
          <select value={filters.owner ?? ''} onChange={(e) => set('owner', e.target.value || undefined)} data-testid="filter-owner">
            <option value="">anyone</option>
            <option value="mine">mine</option>
            {(users.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName}
              </option>
            ))}
            {filters.owner && filters.owner !== 'mine' && !(users.data ?? []).some((u) => u.id === filters.owner) && <option value={filters.owner}>{filters.owner}</option>}
          </select>
        </label>
        <label>
          SLA
          <select value={filters.slaStatus ?? ''} onChange={(e) => set('slaStatus', e.target.value || undefined)} data-testid="filter-sla">
            <option value="">any</option>
            {slaStatuses.map((s) => (
              <option key={s} value={s}>
                {slaLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Open or closed
          <select
            value={filters.open === undefined ? 'all' : filters.open ? 'open' : 'closed'}
            onChange={(e) => set('open', e.target.value === 'all' ? undefined : e.target.value === 'open')}
            data-testid="filter-open"
          >
            <option value="open">open</option>
            <option value="closed">closed or returned</option>
            <option value="all">all</option>
          </select>
        </label>
        <label>
          Client
          <input
            type="search"
            value={client}
            placeholder="exact name, Enter"
            onChange={(e) => setClient(e.target.value)}
            onBlur={() => client.trim() !== (filters.client ?? '') && set('client', client.trim() || undefined)}
            data-testid="filter-client"
          />
        </label>
        <button type="button" onClick={reload}>
          Refresh
        </button>
      </form>
      <ErrorBox error={list.error} title="Could not load the escalations" />
      {list.loading && !data ? (
        <Loading label="Loading escalations…" />
      ) : (
        <>
          <table className="table" data-testid="escalations-table">
            <thead>
              <tr>
                <th scope="col">Escalation</th>
                <th scope="col">Client</th>
                <th scope="col">Stage</th>
                <th scope="col">Priority</th>
                <th scope="col">SLA</th>
                <th scope="col">Owner</th>
              </tr>
            </thead>
            <tbody>
              {(data?.items ?? []).map((e) => {
                const closed = !!e.closedAt || e.stage === 'Closed' || e.stage === 'ReturnedToHandler';
                const due = nextDue(e, now);
                const overdue = !closed && (e.slaStatus === 'breached' || (!!due.dueAt && Date.parse(due.dueAt) < now && e.slaStatus !== 'paused' && e.slaStatus !== 'met'));
                return (
                  <tr key={e.id} data-testid={`escalation-row-${e.number}`} className={overdue ? 'row-overdue' : undefined}>
                    <td>
                      <Link to={`/escalations/${encodeURIComponent(e.id)}`}>
                        <strong>{e.number}</strong> {e.title}
                      </Link>
                      <div className="muted small">
                        {e.resolutionTeam ?? 'no team yet'}
                        {e.elevationLevel > 1 && <> · elevated to level {e.elevationLevel}</>}
                      </div>
                    </td>
                    <td>
                      {e.client}
                      {e.tier && <span className="muted small"> ({e.tier})</span>}
                    </td>
                    <td>
                      <StageBadge stage={e.stage} />
                    </td>
                    <td>
                      <EscalationPriority priority={e.priority} severity={e.severity} />
                    </td>
                    <td>
                      <SlaCountdown dueAt={due.dueAt} now={now} slaStatus={e.slaStatus} closed={closed} label={due.metric === 'response' ? 'Response' : 'Resolution'} testId="sla-countdown" />
                      {e.slaStatus && <div className="muted small">{slaLabel(e.slaStatus)}</div>}
                    </td>
                    <td>{e.ownerName ?? <span className="muted">nobody yet</span>}</td>
                  </tr>
                );
              })}
              {data && data.items.length === 0 && (
                <tr>
                  <td colSpan={6} className="muted" data-testid="escalations-empty">
                    No escalation matches these filters.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          <nav className="pager" aria-label="Pages">
            <button type="button" disabled={filters.page <= 1} onClick={() => set('page', filters.page - 1)}>
              Previous
            </button>
            <span>
              Page {filters.page} of {pages} {data && <span className="muted">({data.totalCount} escalations)</span>}
            </span>
            <button type="button" disabled={filters.page >= pages} onClick={() => set('page', filters.page + 1)}>
              Next
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
