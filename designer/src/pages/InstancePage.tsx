import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ReactFlowProvider } from '@xyflow/react';
import { api } from '../api/endpoints';
import type { ActivityDescriptor, InstanceDetails, JournalEntry, LiveChange, WorkflowDefinition } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { DescriptorContext, descriptorMap } from '../canvas/DescriptorContext';
import type { EdgeDecoration, NodeDecoration } from '../canvas/decorate';
import { decorateEdges, decorateNodes } from '../canvas/decorate';
import { FlowCanvas } from '../canvas/FlowCanvas';
import { ErrorBox, formatDate, Loading, StatusBadge } from '../components/Feedback';
import { useApi } from '../components/useApi';
import { useLiveReload } from '../live/useLiveReload';
import { executedPath } from '../lib/executedPath';
import type { ActivityFlowNode } from '../lib/graph';
import { connectionKey, definitionToGraph } from '../lib/graph';
import { pretty } from '../lib/json';

type Tab = 'journal' | 'variables' | 'io' | 'bookmarks' | 'incidents';

export default function InstancePage() {
  const { id = '' } = useParams();
  const auth = useAuth();
  const loaded = useApi(
    async (signal) => {
      const [instance, journal, descriptors] = await Promise.all([api.getInstance(id, signal), api.journal(id, signal), api.descriptors(signal)]);
      // The instance is still worth showing when its definition version cannot be read (deleted, no access).
      const definition = await api.getDefinition(instance.definitionId, instance.definitionVersion, signal).then(
        (v) => v.definition,
        (error: unknown) => (signal.aborted ? Promise.reject(error) : undefined),
      );
      return { instance, journal, descriptors, definition };
    },
    [id],
  );
  const [actionError, setActionError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const { reload } = loaded;
  const status = loaded.data?.instance.status;

  // Live changes of this instance reload it; while it can still change, also on focus and every 15 s (other nodes).
  useLiveReload(reload, {
    matches: useCallback((c: LiveChange) => c.type === 'instance' && c.id === id, [id]),
    intervalMs: 15_000,
    enabled: status === undefined || status === 'Running' || status === 'Suspended',
  });

  const act = useCallback(
    async (run: () => Promise<unknown>) => {
      setBusy(true);
      setActionError(undefined);
      try {
        await run();
        reload();
      } catch (error) {
        setActionError(error);
      } finally {
        setBusy(false);
      }
    },
    [reload],
  );

  if (loaded.error && !loaded.data) return <ErrorBox error={loaded.error} title="Could not load the instance" />;
  if (!loaded.data) return <Loading label="Loading the instance…" />;
  const { instance } = loaded.data;
  const canOperate = auth.can('instances.operate');
  const active = instance.status === 'Running' || instance.status === 'Suspended';
  return (
    <section className="instance-page" aria-labelledby="instance-title" data-testid="instance-viewer">
      <div className="page-head">
        <div>
          <h1 id="instance-title">
            Instance <code>{instance.id}</code>
          </h1>
          <p className="muted">
            <Link to={`/workflows/${encodeURIComponent(instance.definitionId)}`}>{instance.definitionId}</Link> v{instance.definitionVersion} ·{' '}
            <StatusBadge status={instance.status} /> {instance.subStatus && <span>{instance.subStatus}</span>}
            {instance.correlationId && <> · correlation <code>{instance.correlationId}</code></>}
            {instance.createdAt && <> · started {formatDate(instance.createdAt)}</>}
          </p>
        </div>
        <div className="actions">
          <button type="button" onClick={reload} disabled={loaded.loading}>
            Refresh
          </button>
          {canOperate && active && (
            <button type="button" className="danger" disabled={busy} onClick={() => window.confirm('Cancel this instance? Open tasks and timers are cancelled.') && void act(() => api.cancelInstance(instance.id))}>
              Cancel instance
            </button>
          )}
          {canOperate && instance.status === 'Faulted' && (
            <button type="button" className="primary" disabled={busy} onClick={() => void act(() => api.retryInstance(instance.id))}>
              Retry
            </button>
          )}
        </div>
      </div>
      <ErrorBox error={actionError} title="Could not do that" />
      <InstanceBody {...loaded.data} />
    </section>
  );
}

const emptyDefinition: WorkflowDefinition = { definitionId: '', name: '', root: { type: 'Flowchart', activities: [] } };

function InstanceBody({ instance, journal, descriptors, definition: loaded }: { instance: InstanceDetails; journal: JournalEntry[]; descriptors: ActivityDescriptor[]; definition: WorkflowDefinition | undefined }) {
  const definition = loaded ?? emptyDefinition;
  const [tab, setTab] = useState<Tab>('journal');
  const [focus, setFocus] = useState<string>();
  const map = useMemo(() => descriptorMap(descriptors), [descriptors]);
  const graph = useMemo(() => definitionToGraph(definition), [definition]);
  const path = useMemo(() => executedPath(definition, instance, journal), [definition, instance, journal]);
  const nodes = useMemo(() => {
    const decorations = new Map<string, NodeDecoration>();
    for (const node of graph.nodes) {
      const stats = path.stats[node.id];
      const mark = path.faulted.has(node.id) ? 'faulted' : path.waiting.has(node.id) ? 'waiting' : path.executed.has(node.id) ? 'executed' : undefined;
      if (mark || stats) decorations.set(node.id, { ...(mark ? { mark } : {}), runs: stats?.runs ?? 0, faults: stats?.faults ?? 0 });
    }
    return decorateNodes(graph.nodes, decorations);
  }, [graph, path]);
  const edges = useMemo(() => {
    const decorations = new Map<string, EdgeDecoration>();
    (definition.root.connections ?? []).forEach((c, i) => {
      if (path.traversed.has(connectionKey(c))) decorations.set(graph.edges[i]!.id, { mark: 'traversed' });
    });
    return decorateEdges(graph.edges, decorations);
  }, [definition, graph, path]);
  const onNodeClick = useCallback((_: unknown, node: ActivityFlowNode) => {
    setFocus((f) => (f === node.id ? undefined : node.id));
    setTab('journal');
  }, []);
  const rows = focus ? journal.filter((e) => e.activityId === focus) : journal;

  const tabs: [Tab, string][] = [
    ['journal', `Journal (${journal.length})`],
    ['variables', 'Variables'],
    ['io', 'Input / output'],
    ['bookmarks', `Bookmarks (${instance.bookmarks?.length ?? 0})`],
    ['incidents', `Incidents (${instance.incidents?.length ?? 0})`],
  ];
  return (
    <div className="instance-body">
      {loaded ? (
        <DescriptorContext.Provider value={map}>
          <ReactFlowProvider>
            <FlowCanvas nodes={nodes} edges={edges} readOnly onNodeClick={onNodeClick} testId="instance-canvas" />
          </ReactFlowProvider>
        </DescriptorContext.Provider>
      ) : (
        <p className="alert alert-error" role="alert">
          Version {instance.definitionVersion} of {instance.definitionId} could not be loaded, so the flowchart is not shown.
        </p>
      )}
      <div className="tabs" role="tablist" aria-label="Instance details">
        {tabs.map(([key, label]) => (
          <button key={key} type="button" role="tab" aria-selected={tab === key} onClick={() => setTab(key)} id={`tab-${key}`} aria-controls={`panel-${key}`}>
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'journal' && (
          <>
            {focus && (
              <p>
                Showing <code>{focus}</code> only.{' '}
                <button type="button" className="link" onClick={() => setFocus(undefined)}>
                  Show all
                </button>
              </p>
            )}
            <table className="table compact" data-testid="journal-table">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Time</th>
                  <th scope="col">Event</th>
                  <th scope="col">Activity</th>
                  <th scope="col">Outcomes</th>
                  <th scope="col">Duration</th>
                  <th scope="col">Attempt</th>
                  <th scope="col">Message</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((e) => (
                  <tr key={e.sequence} className={/Fault/.test(e.event) ? 'row-error' : undefined}>
                    <td>{e.sequence}</td>
                    <td>{formatDate(e.timestamp)}</td>
                    <td>{e.event}</td>
                    <td>
                      {e.activityId && (
                        <button type="button" className="link" onClick={() => setFocus(e.activityId ?? undefined)}>
                          {e.activityId}
                        </button>
                      )}{' '}
                      {e.activityType && <span className="muted small">{e.activityType}</span>}
                    </td>
                    <td>{e.outcomes?.join(', ')}</td>
                    <td>{e.durationMs != null ? `${Math.round(e.durationMs * 10) / 10} ms` : ''}</td>
                    <td>{e.attempt}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {tab === 'variables' && <pre className="code-block">{pretty(instance.variables ?? {})}</pre>}
        {tab === 'io' && (
          <div className="grid-2">
            <div>
              <h3>Input</h3>
              <pre className="code-block">{pretty(instance.input ?? {})}</pre>
            </div>
            <div>
              <h3>Output</h3>
              <pre className="code-block">{pretty(instance.output ?? {})}</pre>
            </div>
          </div>
        )}
        {tab === 'bookmarks' && (
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">Activity</th>
                <th scope="col">Kind</th>
                <th scope="col">Correlation</th>
                <th scope="col">Due</th>
                <th scope="col">Payload</th>
              </tr>
            </thead>
            <tbody>
              {(instance.bookmarks ?? []).map((b) => (
                <tr key={b.id}>
                  <td>{b.activityId}</td>
                  <td>{b.kind}</td>
                  <td>{b.correlationId}</td>
                  <td>{formatDate(b.dueAt)}</td>
                  <td>
                    <code className="small">{b.payload === undefined ? '' : JSON.stringify(b.payload)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {tab === 'incidents' && (
          <ul className="incidents">
            {(instance.incidents ?? []).map((incident, i) => (
              <li key={i} className="alert alert-error">
                <strong>{incident.activityId ?? 'workflow'}</strong> {incident.code && <code>{incident.code}</code>} {incident.message}
                {incident.timestamp && <span className="muted small"> · {formatDate(incident.timestamp)}</span>}
              </li>
            ))}
            {(instance.incidents ?? []).length === 0 && <li className="muted">No incidents.</li>}
          </ul>
        )}
      </div>
    </div>
  );
}
