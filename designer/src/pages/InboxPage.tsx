import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/endpoints';
import type { TaskFilter } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import { ErrorBox, Loading, StatusBadge } from '../components/Feedback';
import { useApi } from '../components/useApi';
import { useNow } from '../components/useNow';
import { useLiveReload } from '../live/useLiveReload';
import { taskActions } from '../lib/taskRules';
import { assignment, DueTime, PriorityBadge } from '../tasks/TaskBits';

type View = 'mine' | 'queue' | 'all';

const views: Record<View, { label: string; filter: TaskFilter; empty: string }> = {
  mine: { label: 'My tasks', filter: { assignee: 'me' }, empty: 'Nothing is assigned to you.' },
  queue: { label: "My teams' tasks", filter: { team: 'mine' }, empty: 'No unclaimed tasks wait for your teams or roles.' },
  all: { label: 'All tasks', filter: { assignee: 'any' }, empty: 'There are no tasks.' },
};

const statuses = ['open', 'completed', 'cancelled', 'all'] as const;
const sorts = [
  ['due', 'Due time'],
  ['priority', 'Priority'],
  ['created', 'Created'],
] as const;

/** The task inbox: my tasks, my teams' queue, and (for roles that read every task) all tasks. Rules in docs/roles.md. */
export default function InboxPage() {
  const auth = useAuth();
  const [params, setParams] = useSearchParams();
  const readsAll = auth.can('tasks.read-all');
  const requested = params.get('view') as View | null;
  const view: View = requested && (requested !== 'all' || readsAll) && requested in views ? requested : 'mine';
  const status = (statuses as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as TaskFilter['status']) : 'open';
  const sort = (params.get('sort') ?? 'due') as NonNullable<TaskFilter['sort']>;
  const page = Number(params.get('page') ?? '1') || 1;
  const now = useNow();
  const [actionError, setActionError] = useState<unknown>();
  const [claiming, setClaiming] = useState<string>();

  const list = useApi((signal) => api.listTasks({ ...views[view].filter, status, sort, page, pageSize: 50 }, signal), [view, status, sort, page]);
  const users = useApi((signal) => (auth.can('users.read') ? api.users(signal) : Promise.resolve([])), [auth.user?.id]);
  const names = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, u.displayName])), [users.data]);
  const { reload } = list;
  useLiveReload(reload, { matches: useCallback((c) => c.type === 'task', []) });

  function set(key: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  }

  async function claim(id: string) {
    setClaiming(id);
    setActionError(undefined);
    try {
      await api.claimTask(id);
    } catch (error) {
      setActionError(error);
    } finally {
      setClaiming(undefined);
      reload();
    }
  }

  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.totalCount / Math.max(1, data.pageSize))) : 1;
  const shown: View[] = readsAll ? ['mine', 'queue', 'all'] : ['mine', 'queue'];
  return (
    <section aria-labelledby="inbox-title" className="inbox">
      <div className="page-head">
        <h1 id="inbox-title">Tasks</h1>
      </div>
      <div className="tabs" role="tablist" aria-label="Which tasks">
        {shown.map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view === v} onClick={() => set('view', v === 'mine' ? undefined : v)} data-testid={`inbox-${v}`}>
            {views[v].label}
          </button>
        ))}
      </div>
      <div className="filters" role="search">
        <label>
          Status
          <select value={status} onChange={(e) => set('status', e.target.value === 'open' ? undefined : e.target.value)}>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {s === 'all' ? 'any' : s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort by
          <select value={sort} onChange={(e) => set('sort', e.target.value === 'due' ? undefined : e.target.value)}>
            {sorts.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={reload}>
          Refresh
        </button>
      </div>
      <ErrorBox error={list.error} title="Could not load the tasks" />
      <ErrorBox error={actionError} title="Could not claim the task" />
      {list.loading && !data ? (
        <Loading label="Loading tasks…" />
      ) : (
        <>
          <table className="table" data-testid="tasks-table">
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col">Priority</th>
                <th scope="col">Due</th>
                <th scope="col">Who</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(data?.items ?? []).map((t) => {
                const claimable = taskActions(t, auth.user).claim;
                return (
                  <tr key={t.id} data-testid={`task-row-${t.id}`} className={t.overdue ? 'row-overdue' : undefined}>
                    <td>
                      <Link to={`/tasks/${encodeURIComponent(t.id)}`}>{t.title}</Link>
                      <div className="muted small">
                        {t.definitionId}
                        {t.correlationId && <> · {t.correlationId}</>}
                      </div>
                    </td>
                    <td>
                      <PriorityBadge priority={t.priority} />
                    </td>
                    <td>
                      <DueTime task={t} now={now} />
                    </td>
                    <td>{assignment(t, auth.user, names)}</td>
                    <td>
                      <StatusBadge status={t.status} />
                      {t.outcome && <span className="muted small"> {t.outcome}</span>}
                    </td>
                    <td className="row-actions">
                      {t.status === 'open' && !t.assigneeId && claimable.allowed && (
                        <button type="button" disabled={claiming === t.id} onClick={() => void claim(t.id)} aria-label={`Claim ${t.title}`}>
                          Claim
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
              {data && data.items.length === 0 && (
                <tr>
                  <td colSpan={6} className="muted" data-testid="tasks-empty">
                    {views[view].empty}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          <nav className="pager" aria-label="Pages">
            <button type="button" disabled={page <= 1} onClick={() => set('page', String(page - 1))}>
              Previous
            </button>
            <span>
              Page {page} of {pages} {data && <span className="muted">({data.totalCount} tasks)</span>}
            </span>
            <button type="button" disabled={page >= pages} onClick={() => set('page', String(page + 1))}>
              Next
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
