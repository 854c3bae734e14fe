import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ReactFlowProvider } from '@xyflow/react';
import { api } from '../api/endpoints';
import type { DefinitionVersionSummary } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { DescriptorContext, descriptorMap } from '../canvas/DescriptorContext';
import { edgesFromMarks } from '../canvas/decorate';
import { FlowCanvas } from '../canvas/FlowCanvas';
import { ErrorBox, formatDate, Loading, StatusBadge } from '../components/Feedback';
import { useApi } from '../components/useApi';
import type { DefinitionDiff } from '../lib/diff';
import { computeDiff, diffGraph } from '../lib/diff';

export default function VersionsPage() {
  const { id = '' } = useParams();
  const auth = useAuth();
  const versions = useApi((signal) => api.listVersions(id, signal), [id]);
  const descriptors = useApi((signal) => api.descriptors(signal), []);
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const [actionError, setActionError] = useState<unknown>();
  const list = useMemo(() => [...(versions.data ?? [])].sort((a, b) => b.version - a.version), [versions.data]);
  const toVersion = to ?? list[0]?.version;
  const fromVersion = from ?? list.find((v) => v.version !== toVersion && v.isPublished)?.version ?? list[1]?.version;

  async function act(run: () => Promise<unknown>) {
    setActionError(undefined);
    try {
      await run();
      versions.reload();
    } catch (error) {
      setActionError(error);
    }
  }

  return (
    <section aria-labelledby="versions-title" className="versions-page">
      <div className="page-head">
        <h1 id="versions-title">
          Version history <span className="muted">· {id}</span>
        </h1>
        <div className="actions">
          <Link to={`/workflows/${encodeURIComponent(id)}`} className="button">
            Open designer
          </Link>
        </div>
      </div>
      <ErrorBox error={versions.error} title="Could not load the versions" />
      <ErrorBox error={actionError} title="Could not do that" />
      {versions.loading && !versions.data ? (
        <Loading />
      ) : (
        <table className="table" data-testid="versions-table">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">Content hash</th>
              <th scope="col">Compare</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((v) => (
              <VersionRow
                key={v.version}
                v={v}
                isFrom={v.version === fromVersion}
                isTo={v.version === toVersion}
                onFrom={() => setFrom(v.version)}
                onTo={() => setTo(v.version)}
                canPublish={auth.can('definitions.publish')}
                canEdit={auth.can('definitions.edit')}
                onPublish={() => void act(() => api.publish(id, v.version))}
                onRetract={() => void act(() => api.retract(id))}
                onDelete={() => {
                  if (window.confirm(`Delete version ${v.version}? This cannot be undone.`)) void act(() => api.deleteVersion(id, v.version));
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      {fromVersion !== undefined && toVersion !== undefined && fromVersion !== toVersion && descriptors.data && (
        <VersionDiff id={id} from={fromVersion} to={toVersion} descriptors={descriptors.data} />
      )}
      {list.length === 1 && <p className="muted">There is only one version, so there is nothing to compare yet.</p>}
    </section>
  );
}

function VersionRow(props: {
  v: DefinitionVersionSummary;
  isFrom: boolean;
  isTo: boolean;
  onFrom(): void;
  onTo(): void;
  canPublish: boolean;
  canEdit: boolean;
  onPublish(): void;
  onRetract(): void;
  onDelete(): void;
}) {
  const { v } = props;
  return (
    <tr data-testid={`version-row-${v.version}`}>
      <td>
        v{v.version} {v.isLatest && <span className="muted small">latest</span>}
      </td>
      <td>
        <StatusBadge status={v.status} />
      </td>
      <td>{formatDate(v.createdAt)}</td>
      <td>
        <code className="small">{v.contentHash.slice(0, 12)}</code>
      </td>
      <td>
        <label className="inline">
          <input type="radio" name="diff-from" checked={props.isFrom} onChange={props.onFrom} /> from
        </label>{' '}
        <label className="inline">
          <input type="radio" name="diff-to" checked={props.isTo} onChange={props.onTo} /> to
        </label>
      </td>
      <td className="row-actions">
        {props.canPublish && !v.isPublished && (
          <button type="button" onClick={props.onPublish} aria-label={`Publish version ${v.version}`}>
            Publish
          </button>
        )}
        {props.canPublish && v.isPublished && (
          <button type="button" onClick={props.onRetract} aria-label={`Retract version ${v.version}`}>
            Retract
          </button>
        )}
        {props.canEdit && !v.isPublished && (
          <button type="button" className="link danger" onClick={props.onDelete} aria-label={`Delete version ${v.version}`}>
            Delete
          </button>
        )}
      </td>
    </tr>
  );
}

function VersionDiff({ id, from, to, descriptors }: { id: string; from: number; to: number; descriptors: Parameters<typeof descriptorMap>[0] }) {
  const data = useApi(
    async (signal) => {
      const [a, b] = await Promise.all([api.getDefinition(id, from, signal), api.getDefinition(id, to, signal)]);
      let diff: DefinitionDiff;
      let source: 'server' | 'browser' = 'server';
      try {
        diff = await api.diff(id, from, to);
      } catch {
        diff = computeDiff(a.definition, b.definition);
        source = 'browser';
      }
      return { a, b, diff, source };
    },
    [id, from, to],
  );
  const graph = useMemo(() => (data.data ? diffGraph(data.data.a.definition, data.data.b.definition, data.data.diff) : undefined), [data.data]);
  const map = useMemo(() => descriptorMap(descriptors), [descriptors]);
  if (data.error) return <ErrorBox error={data.error} title="Could not compare the versions" />;
  if (!data.data || !graph) return <Loading label="Comparing…" />;
  const { diff } = data.data;
  const empty = !diff.activities.added.length && !diff.activities.removed.length && !diff.activities.changed.length && !diff.connections.added.length && !diff.connections.removed.length;
  return (
    <section aria-label={`Changes from version ${from} to ${to}`} className="diff" data-testid="version-diff">
      <h2>
        Changes from v{from} to v{to}{' '}
        <span className="muted small">{data.data.source === 'server' ? '' : '(computed in the browser)'}</span>
      </h2>
      <div className="diff-body">
        <DescriptorContext.Provider value={map}>
          <ReactFlowProvider>
            <FlowCanvas nodes={graph.nodes} edges={edgesFromMarks(graph.edges)} readOnly testId="diff-canvas" />
          </ReactFlowProvider>
        </DescriptorContext.Provider>
        <div className="diff-list" data-testid="diff-list">
          <p className="legend">
            <span className="swatch added" /> added <span className="swatch removed" /> removed <span className="swatch changed" /> changed
          </p>
          {empty && <p>No differences.</p>}
          <DiffGroup title="Activities added" items={diff.activities.added} kind="added" />
          <DiffGroup title="Activities removed" items={diff.activities.removed} kind="removed" />
          {diff.activities.changed.length > 0 && (
            <>
              <h3>Activities changed</h3>
              <ul>
                {diff.activities.changed.map((c) => (
                  <li key={c.id} className="diff-changed">
                    <code>{c.id}</code>
                    {c.fields.length > 0 && <span className="muted small"> — {c.fields.join(', ')}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
          <DiffGroup title="Connections added" items={diff.connections.added} kind="added" />
          <DiffGroup title="Connections removed" items={diff.connections.removed} kind="removed" />
        </div>
      </div>
    </section>
  );
}

function DiffGroup({ title, items, kind }: { title: string; items: string[]; kind: string }) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {items.map((item, i) => (
          <li key={`${item}-${i}`} className={`diff-${kind}`}>
            <code>{item}</code>
          </li>
        ))}
      </ul>
    </>
  );
}
