import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/endpoints';
import type { EscalationDetails } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { ErrorBox, formatDate, Loading } from '../components/Feedback';
import { useApi } from '../components/useApi';
import { useNow } from '../components/useNow';
import { EscalationActions } from '../escalations/EscalationActions';
import { EscalationPriority, SlaCountdown, StageBadge } from '../escalations/SlaCountdown';
import { useLiveReload } from '../live/useLiveReload';
import { anchorFromHash, communicationAnchor, sentenceCitations, timelineAnchor } from '../lib/citations';
import { slaLabel, stageLabel } from '../lib/escalationFilters';

const finalStages = ['Closed', 'ReturnedToHandler'];

/**
 * One escalation: header with SLA countdowns, actions the role may take (flag, elevate), the owner of each stage, the
 * cited AI summary (each citation scrolls to and highlights its timeline entry or message), the timeline, the
 * communications log, open tasks and where the workflows wait. Follows the escalation live.
 */
export default function EscalationPage() {
  const { id = '' } = useParams();
  const auth = useAuth();
  const now = useNow(1000);
  const details = useApi((signal) => api.getEscalation(id, signal), [id]);
  const [notice, setNotice] = useState<string>();
  const [highlight, setHighlight] = useState<string>();
  const data = details.data;
  const escalationId = data?.escalation.id;
  const watched = useMemo(
    () => new Set([...(data?.openTasks ?? []).map((t) => t.id), ...(data?.workflow.current ?? []).map((i) => i.instanceId)]),
    [data],
  );
  const { reload } = details;
  useLiveReload(reload, {
    matches: useCallback((c) => (c.type === 'escalation' && c.id === escalationId) || ((c.type === 'task' || c.type === 'instance') && watched.has(c.id)), [escalationId, watched]),
    enabled: !!data,
  });

  // A link to an entry (#timeline-12) highlights it once the page has it.
  useEffect(() => {
    if (!data) return;
    const target = anchorFromHash(window.location.hash);
    if (target) show(target.kind === 'timeline' ? timelineAnchor(target.sequence) : communicationAnchor(target.sequence));
    // Only when the escalation first arrives (not on every live reload).
  }, [escalationId]);

  function show(anchor: string) {
    setHighlight(anchor);
    window.history.replaceState(window.history.state, '', `#${anchor}`);
    document.getElementById(anchor)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  if (details.error && !data) return <ErrorBox error={details.error} title="Could not load the escalation" />;
  if (!data) return <Loading label="Loading the escalation…" />;
  const e = data.escalation;
  const closed = finalStages.includes(e.stage) || !!e.closedAt;
  const clock = (metric: string) => data.sla.find((s) => s.metric === metric);
  return (
    <section className="escalation" aria-labelledby="escalation-title" data-testid="escalation-page">
      <header className="escalation-head card">
        <div className="page-head">
          <h1 id="escalation-title">
            <span className="muted">{e.number}</span> {e.title}
          </h1>
          <StageBadge stage={e.stage} />
        </div>
        <dl className="facts">
          <div>
            <dt>Client</dt>
            <dd>
              {e.client}
              {e.tier && <span className="muted"> · {e.tier}</span>}
              {e.clientContact && <div className="muted small">{e.clientContact}</div>}
            </dd>
          </div>
          <div>
            <dt>Priority</dt>
            <dd>
              <EscalationPriority priority={e.priority} severity={e.severity} />
              {e.flagged && (
                <span className="badge badge-flagged" title={e.flagReason ?? undefined}>
                  flagged
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt>Response</dt>
            <dd>
              <SlaCountdown dueAt={e.responseDueAt} now={now} slaStatus={clock('response')?.status ?? e.slaStatus} closed={closed} testId="sla-response" />
            </dd>
          </div>
          <div>
            <dt>Resolution</dt>
            <dd>
              <SlaCountdown dueAt={e.resolutionDueAt} now={now} slaStatus={clock('resolution')?.status ?? e.slaStatus} closed={closed} testId="sla-resolution" />
              {e.slaStatus && <div className="muted small">SLA {slaLabel(e.slaStatus)}</div>}
            </dd>
          </div>
          <div>
            <dt>Elevation</dt>
            <dd data-testid="elevation">
              Level {e.elevationLevel}: {e.elevation}
            </dd>
          </div>
          <div>
            <dt>Team</dt>
            <dd>
              {e.resolutionTeam ?? <span className="muted">not routed yet</span>}
              {e.authorityLevel && <span className="muted"> · {e.authorityLevel}</span>}
            </dd>
          </div>
          <div>
            <dt>Owner</dt>
            <dd>{e.ownerName ?? <span className="muted">nobody yet</span>}</dd>
          </div>
          <div>
            <dt>Opened</dt>
            <dd>{formatDate(e.openedAt)}</dd>
          </div>
        </dl>
        {e.description && <p className="task-description">{e.description}</p>}
        {notice && (
          <p role="status" className="alert alert-ok" data-testid="escalation-notice">
            {notice}
          </p>
        )}
        {!closed && (
          <EscalationActions
            escalation={e}
            onDone={(message) => {
              setNotice(message);
              reload();
            }}
          />
        )}
      </header>

      <div className="escalation-grid">
        <section className="card" aria-labelledby="summary-title" data-testid="escalation-summary">
          <h2 id="summary-title">Summary</h2>
          <Summary data={data} highlight={highlight} onCite={show} />
        </section>

        <section className="card" aria-labelledby="owners-title" data-testid="escalation-owners">
          <h2 id="owners-title">Owner per stage</h2>
          {data.owners.length === 0 ? (
            <p className="muted">No stage has an owner yet.</p>
          ) : (
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">Stage</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {data.owners.map((o) => (
                  <tr key={o.stage} data-testid={`owner-${o.stage}`} className={o.stage === e.stage ? 'row-current' : undefined}>
                    <td>{stageLabel(o.stage)}</td>
                    <td>
                      {o.ownerId ? o.ownerName : <span className="muted">queue: {o.ownerName}</span>}
                      {o.namings > 1 && <span className="muted small"> ({o.namings} changes)</span>}
                    </td>
                    <td className="small">
                      {o.reason} <span className="muted">— {formatDate(o.at)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section className="card" aria-labelledby="work-title" data-testid="escalation-work">
          <h2 id="work-title">Open tasks and workflows</h2>
          {data.openTasks.length === 0 ? (
            <p className="muted">No open task.</p>
          ) : (
            <ul className="plain">
              {data.openTasks.map((t) => (
                <li key={t.id}>
                  <Link to={`/tasks/${encodeURIComponent(t.id)}`} data-testid={`open-task-${t.activityId}`}>
                    {t.title}
                  </Link>
                  <span className="muted small">
                    {' '}
                    {t.assigneeId ? 'assigned' : `queue ${t.candidateTeam ?? t.candidateRole ?? ''}`}
                    {t.dueAt && <> · due {formatDate(t.dueAt)}</>}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <ul className="plain">
            {data.workflow.current.map((i) => (
              <li key={i.instanceId} data-testid={`workflow-${i.definitionId}`}>
                {auth.can('instances.read') ? (
                  <Link to={`/instances/${encodeURIComponent(i.instanceId)}`}>
                    {i.definitionId} v{i.definitionVersion}
                  </Link>
                ) : (
                  <span>
                    {i.definitionId} v{i.definitionVersion}
                  </span>
                )}{' '}
                <span className="muted small">
                  {i.status}
                  {i.waitingIn.length > 0 && <> · waits in {i.waitingIn.map((w) => `${w.activityId} (${w.kind})`).join(', ')}</>}
                </span>
                {i.incidents.length > 0 && <div className="alert alert-error small">{i.incidents.join(' ')}</div>}
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section className="card" aria-labelledby="timeline-title" data-testid="escalation-timeline">
        <h2 id="timeline-title">Timeline</h2>
        <ol className="timeline">
          {data.timeline.map((t) => {
            const anchor = timelineAnchor(t.sequence);
            return (
              <li key={t.sequence} id={anchor} className={highlight === anchor ? 'timeline-entry highlighted' : 'timeline-entry'} data-testid={anchor} data-kind={t.kind}>
                <div className="timeline-meta small">
                  <a href={`#${anchor}`} onClick={(ev) => { ev.preventDefault(); show(anchor); }} className="muted">
                    #{t.sequence}
                  </a>{' '}
                  <time dateTime={t.at}>{formatDate(t.at)}</time> · <strong>{t.actor}</strong> · <span className="muted">{t.source}</span>
                </div>
                <div>{t.text}</div>
              </li>
            );
          })}
        </ol>
      </section>

      <section className="card" aria-labelledby="comms-title" data-testid="escalation-communications">
        <h2 id="comms-title">Communications</h2>
        {data.communications.length === 0 ? (
          <p className="muted">No message yet.</p>
        ) : (
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">When</th>
                <th scope="col">Channel</th>
                <th scope="col">Direction</th>
                <th scope="col">Subject and text</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {data.communications.map((c) => {
                const anchor = communicationAnchor(c.sequence);
                return (
                  <tr key={c.sequence} id={anchor} data-testid={anchor} className={highlight === anchor ? 'highlighted' : undefined}>
                    <td>{c.sequence}</td>
                    <td className="small">{formatDate(c.at)}</td>
                    <td>{c.channel}</td>
                    <td>
                      {c.direction} <span className="muted small">{c.direction === 'inbound' ? `from ${c.audience}` : `to ${c.audience}`}</span>
                    </td>
                    <td>
                      {c.subject && <strong>{c.subject}</strong>}
                      <div className="message-body small">{c.body}</div>
                    </td>
                    <td>
                      <span className="badge">{c.status}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}

function Summary({ data, highlight, onCite }: { data: EscalationDetails; highlight: string | undefined; onCite(anchor: string): void }) {
  const timeline = useMemo(() => new Set(data.timeline.map((t) => t.sequence)), [data.timeline]);
  const messages = useMemo(() => new Set(data.communications.map((c) => c.sequence)), [data.communications]);
  const summary = data.summary;
  if (!summary) return <p className="muted">No summary yet: it is written when the escalation is handed to its owner.</p>;
  return (
    <>
      <ol className="summary">
        {summary.sentences.map((s, i) => (
          <li key={i} data-testid={`summary-sentence-${i}`}>
            {s.text}{' '}
            {sentenceCitations(s.citations, timeline, messages).map((c) =>
              c.found ? (
                <a
                  key={c.citation}
                  href={`#${c.anchor}`}
                  className={highlight === c.anchor ? 'citation active' : 'citation'}
                  data-testid={`citation-${c.citation}`}
                  title={`Go to ${c.kind === 'timeline' ? 'timeline entry' : 'message'} ${c.sequence}`}
                  onClick={(ev) => {
                    ev.preventDefault();
                    onCite(c.anchor);
                  }}
                >
                  [{c.label}]
                </a>
              ) : (
                <span key={c.citation} className="citation missing" title="Not on this page">
                  [{c.label}]
                </span>
              ),
            )}
          </li>
        ))}
      </ol>
      <p className="muted small" data-testid="summary-method">
        {summary.method === 'model' ? `Written by the model${summary.model ? ` ${summary.model}` : ''}` : 'Extractive summary (sentences taken from the record)'}
        {summary.fallbackReason && <> · the model was not used: {summary.fallbackReason}</>}
        {data.summaryAt && <> · {formatDate(data.summaryAt)}</>}
      </p>
    </>
  );
}
