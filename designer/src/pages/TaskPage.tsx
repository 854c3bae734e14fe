import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import type { ErrorSchema } from '@rjsf/utils';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { api } from '../api/endpoints';
import type { JsonObject, ReassignTaskRequest, TaskDetails } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { ErrorBox, Loading, StatusBadge } from '../components/Feedback';
import { useApi } from '../components/useApi';
import { useNow } from '../components/useNow';
import { useLiveReload } from '../live/useLiveReload';
import { mapFormErrors, withoutFieldErrors } from '../lib/formErrors';
import { relativeTime } from '../lib/relativeTime';
import { taskActions } from '../lib/taskRules';
import type { Allowed } from '../lib/taskRules';
import type { ActionProblem } from '../tasks/actionProblem';
import { actionProblem } from '../tasks/actionProblem';
import { ContextView } from '../tasks/ContextView';
import { ReassignPanel } from '../tasks/ReassignPanel';
import { assignment, DueTime, personName, PriorityBadge } from '../tasks/TaskBits';
import { TaskHistory } from '../tasks/TaskHistory';

const TaskForm = lazy(() => import('../tasks/TaskForm'));

export default function TaskPage() {
  const { id = '' } = useParams();
  const loaded = useApi((signal) => api.getTask(id, signal), [id]);
  const { reload } = loaded;
  useLiveReload(reload, { matches: useCallback((c) => c.type === 'task' && c.id === id, [id]) });

  if (loaded.error && !loaded.data) {
    const status = loaded.error instanceof ApiError ? loaded.error.status : 0;
    return (
      <section>
        <h1>{status === 404 ? 'Task not found' : status === 403 ? 'Not your task' : 'Could not open the task'}</h1>
        <ErrorBox error={loaded.error} title={status === 403 ? 'You may not see this task' : 'Could not load the task'} />
        <Link to="/tasks">Back to the tasks</Link>
      </section>
    );
  }
  if (!loaded.data) return <Loading label="Opening the task…" />;
  return <TaskView key={loaded.data.id} task={loaded.data} reload={reload} />;
}

function TaskView({ task, reload }: { task: TaskDetails; reload(): void }) {
  const auth = useAuth();
  const me = auth.user;
  const now = useNow();
  const [data, setData] = useState<JsonObject>(() => task.data ?? {});
  const [errors, setErrors] = useState<ErrorSchema>({});
  const [focus, setFocus] = useState<string>();
  const [problem, setProblem] = useState<ActionProblem>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [panel, setPanel] = useState<'reassign' | 'release' | null>(null);
  const [releaseReason, setReleaseReason] = useState('');
  const actions = taskActions(task, me);
  const open = task.status === 'open';

  const teams = useApi((signal) => (panel === 'reassign' ? api.teams(signal) : Promise.resolve([])), [panel]);
  const users = useApi((signal) => (auth.can('users.read') ? api.users(signal) : Promise.resolve([])), [me?.id]);
  const names = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, u.displayName])), [users.data]);

  async function act(action: string, run: () => Promise<unknown>, done?: string) {
    setBusy(true);
    setProblem(undefined);
    setNotice(undefined);
    try {
      await run();
      setPanel(null);
      if (done) setNotice(done);
    } catch (error) {
      const p = actionProblem(error, action);
      if (p.kind === 'invalid' && error instanceof ApiError) {
        const mapped = mapFormErrors(error.problem.errors ?? []);
        setErrors(mapped.errorSchema);
        setFocus(mapped.fieldIds[0]);
        setProblem({ ...p, message: mapped.general.length ? mapped.general.join(' ') : 'Some fields need a change; see the messages next to them.' });
        return;
      }
      setProblem(p);
    } finally {
      setBusy(false);
      reload();
    }
  }

  const complete = (outcome: string) =>
    void act('complete the task', async () => {
      setErrors({});
      await api.completeTask(task.id, { outcome, data });
    }, `Done: completed with “${outcome}”.`);

  const blocked = (allowed: Allowed) => (allowed.allowed ? undefined : allowed.reason);
  return (
    <section className="task-page" aria-labelledby="task-title" data-testid="task-page">
      <div className="page-head">
        <div>
          <p className="muted small">
            <Link to="/tasks">Tasks</Link> ›
          </p>
          <h1 id="task-title">{task.title}</h1>
          <p className="task-meta">
            <StatusBadge status={task.status} /> <PriorityBadge priority={task.priority} /> · <DueTime task={task} now={now} /> ·{' '}
            <span data-testid="task-assignment">{assignment(task, me, names)}</span>
            {task.escalatedAt && <span className="badge badge-escalated">escalated {relativeTime(task.escalatedAt, now)}</span>}
          </p>
          <p className="muted small">
            {task.activityName ?? task.activityId} in{' '}
            {auth.can('instances.read') ? <Link to={`/instances/${encodeURIComponent(task.instanceId)}`}>{task.definitionId} v{task.definitionVersion}</Link> : <>{task.definitionId} v{task.definitionVersion}</>}
            {task.correlationId && <> · {task.correlationId}</>}
          </p>
        </div>
        {open && (
          <div className="actions" role="toolbar" aria-label="Task actions">
            <ActionButton label="Claim" allowed={actions.claim} busy={busy} onClick={() => void act('claim the task', () => api.claimTask(task.id), 'You have the task now.')} />
            <ActionButton label="Release" allowed={actions.release} busy={busy} onClick={() => setPanel(panel === 'release' ? null : 'release')} />
            <ActionButton label="Reassign" allowed={actions.reassign} busy={busy} onClick={() => setPanel(panel === 'reassign' ? null : 'reassign')} />
          </div>
        )}
      </div>

      {notice && (
        <p role="status" className="alert alert-ok" data-testid="task-notice">
          {notice}
        </p>
      )}
      {problem && (
        <div role="alert" className={`alert ${problem.kind === 'invalid' ? 'alert-warn' : 'alert-error'}`} data-testid="task-problem" data-kind={problem.kind}>
          <strong>{problem.title}:</strong> {problem.message}
        </div>
      )}

      {panel === 'release' && (
        <form
          className="card task-panel"
          aria-label="Release the task"
          onSubmit={(e) => {
            e.preventDefault();
            void act('release the task', () => api.releaseTask(task.id, releaseReason.trim() || undefined), 'The task is back in its queue.');
          }}
        >
          <label>
            Reason
            <textarea rows={2} value={releaseReason} onChange={(e) => setReleaseReason(e.target.value)} placeholder="Optional, for the task's history" />
          </label>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              Release
            </button>
            <button type="button" onClick={() => setPanel(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {panel === 'reassign' &&
        (teams.data ? (
          <ReassignPanel
            teams={teams.data}
            users={auth.can('users.read') ? users.data : undefined}
            busy={busy}
            onCancel={() => setPanel(null)}
            onSubmit={(body: ReassignTaskRequest) => void act('reassign the task', () => api.reassignTask(task.id, body), 'The task was reassigned.')}
          />
        ) : (
          <ErrorBox error={teams.error} title="Could not load the teams" />
        ))}

      <div className="task-body">
        <div className="task-main">
          {task.description && <p className="task-description">{task.description}</p>}
          <ContextView context={task.context} />
          <h2>{open ? 'Your answer' : 'Answer'}</h2>
          {!open && (
            <p data-testid="task-outcome">
              {task.status === 'completed' ? (
                <>
                  Completed with <strong>{task.outcome}</strong> by {personName(task.completedBy, me, names)} {relativeTime(task.completedAt, now)}.
                </>
              ) : (
                'This task was cancelled: the workflow no longer waits for it.'
              )}
            </p>
          )}
          <Suspense fallback={<Loading label="Loading the form…" />}>
            <TaskForm
              label={`Form of ${task.title}`}
              schema={task.form}
              uiSchema={task.uiSchema}
              data={data}
              onChange={(next, field) => {
                setData(next);
                if (field) setErrors((current) => withoutFieldErrors(current, field));
              }}
              errors={errors}
              focusFieldId={focus}
              outcomes={task.outcomes}
              onOutcome={complete}
              busy={busy}
              blockedReason={blocked(actions.complete)}
              readOnly={!open}
            />
          </Suspense>
        </div>
        <aside className="task-side" aria-label="History">
          <h2>History</h2>
          <TaskHistory history={task.history} me={me} names={names} now={now} />
        </aside>
      </div>
    </section>
  );
}

function ActionButton({ label, allowed, busy, onClick }: { label: string; allowed: Allowed; busy: boolean; onClick(): void }) {
  return (
    <button type="button" onClick={onClick} disabled={busy || !allowed.allowed} title={allowed.allowed ? undefined : allowed.reason} aria-description={allowed.allowed ? undefined : allowed.reason}>
      {label}
    </button>
  );
}
