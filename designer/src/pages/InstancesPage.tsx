import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/endpoints';
import type { JsonObject } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { ErrorBox, formatDate, Loading, StatusBadge } from '../components/Feedback';
import { useApi } from '../components/useApi';

const statuses = ['Running', 'Suspended', 'Finished', 'Cancelled', 'Faulted'];

export default function InstancesPage() {
  const auth = useAuth();
  const [params, setParams] = useSearchParams();
  const definitionId = params.get('definitionId') ?? '';
  const status = params.get('status') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [starting, setStarting] = useState(false);
  const list = useApi((signal) => api.listInstances({ definitionId: definitionId || undefined, status: status || undefined, page }, signal), [definitionId, status, page]);

  function setFilter(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  }

  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.totalCount / Math.max(1, data.pageSize))) : 1;
  return (
    <section aria-labelledby="instances-title">
      <div className="page-head">
        <h1 id="instances-title">Instances</h1>
        {auth.can('instances.start') && (
          <div className="actions">
            <button type="button" className="primary" onClick={() => setStarting(true)}>
              Start instance
            </button>
          </div>
        )}
      </div>
      {starting && <StartInstanceForm initialDefinitionId={definitionId} onCancel={() => setStarting(false)} />}
      <div className="filters" role="search">
        <label>
          Workflow id
          <input value={definitionId} onChange={(e) => setFilter('definitionId', e.target.value.trim())} />
        </label>
        <label>
          Status
          <select value={status} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">Any</option>
            {statuses.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={list.reload}>
          Refresh
        </button>
      </div>
      <ErrorBox error={list.error} title="Could not load instances" />
      {list.loading && !data ? (
        <Loading />
      ) : (
        <>
          <table className="table" data-testid="instances-table">
            <thead>
              <tr>
                <th scope="col">Instance</th>
                <th scope="col">Workflow</th>
                <th scope="col">Status</th>
                <th scope="col">Correlation</th>
                <th scope="col">Created</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {(data?.items ?? []).map((i) => (
                <tr key={i.id}>
                  <td>
                    <Link to={`/instances/${encodeURIComponent(i.id)}`}>
                      <code>{i.id}</code>
                    </Link>
                  </td>
                  <td>
                    {i.definitionId} <span className="muted">v{i.definitionVersion}</span>
                  </td>
                  <td>
                    <StatusBadge status={i.status} /> {i.subStatus && <span className="muted small">{i.subStatus}</span>}
                  </td>
                  <td>{i.correlationId}</td>
                  <td>{formatDate(i.createdAt)}</td>
                  <td>{formatDate(i.updatedAt)}</td>
                </tr>
              ))}
              {data && data.items.length === 0 && (
                <tr>
                  <td colSpan={6} className="muted">
                    No instances.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          <nav className="pager" aria-label="Pages">
            <button type="button" disabled={page <= 1} onClick={() => setFilter('page', String(page - 1))}>
              Previous
            </button>
            <span>
              Page {page} of {pages} {data && <span className="muted">({data.totalCount} instances)</span>}
            </span>
            <button type="button" disabled={page >= pages} onClick={() => setFilter('page', String(page + 1))}>
              Next
            </button>
          </nav>
        </>
      )}
    </section>
  );
}

function StartInstanceForm({ initialDefinitionId, onCancel }: { initialDefinitionId: string; onCancel(): void }) {
  const navigate = useNavigate();
  const [definitionId, setDefinitionId] = useState(initialDefinitionId);
  const [input, setInput] = useState('{}');
  const [correlationId, setCorrelationId] = useState('');
  const [error, setError] = useState<unknown>();
  let parsed: JsonObject | undefined;
  try {
    const value = JSON.parse(input) as unknown;
    parsed = value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
  } catch {
    parsed = undefined;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!parsed) return;
    try {
      const started = await api.startInstance({ definitionId, input: parsed, ...(correlationId ? { correlationId } : {}) });
      navigate(`/instances/${encodeURIComponent(started.id)}`);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form className="card inline-form" onSubmit={(e) => void submit(e)} aria-label="Start instance">
      <label>
        Workflow id
        <input required value={definitionId} onChange={(e) => setDefinitionId(e.target.value)} />
      </label>
      <label>
        Correlation id
        <input value={correlationId} onChange={(e) => setCorrelationId(e.target.value)} />
      </label>
      <label className="wide">
        Input (JSON object)
        <textarea rows={5} className="code" value={input} onChange={(e) => setInput(e.target.value)} aria-invalid={!parsed} />
      </label>
      {!parsed && <p className="field-error">The input must be a JSON object.</p>}
      <ErrorBox error={error} title="Could not start" />
      <div className="actions">
        <button type="submit" className="primary" disabled={!parsed || !definitionId}>
          Start
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
