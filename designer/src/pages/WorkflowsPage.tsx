import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/endpoints';
import type { DefinitionSummary, WorkflowDefinition } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { downloadJson, readJsonFile } from '../components/download';
import { ErrorBox, formatDate, Loading } from '../components/Feedback';
import { useApi } from '../components/useApi';
import { definitionIdPattern, slugify } from '../lib/ids';

type StatusFilter = 'all' | 'published' | 'draft';

export function hasDraft(summary: DefinitionSummary): boolean {
  return summary.publishedVersion === undefined || summary.latestVersion !== summary.publishedVersion;
}

export default function WorkflowsPage() {
  const auth = useAuth();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [creating, setCreating] = useState(false);
  const [actionError, setActionError] = useState<unknown>();
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const list = useApi((signal) => api.listDefinitions(debounced || undefined, signal), [debounced]);
  const rows = (list.data ?? []).filter((d) => (status === 'all' ? true : status === 'published' ? d.publishedVersion !== undefined : hasDraft(d)));

  async function importFile(file: File) {
    setActionError(undefined);
    try {
      const saved = await api.importDefinition(await readJsonFile(file));
      navigate(`/workflows/${encodeURIComponent(saved.definitionId)}`);
    } catch (error) {
      setActionError(error);
    }
  }

  async function exportDefinition(id: string) {
    setActionError(undefined);
    try {
      downloadJson(`${id}.json`, await api.exportDefinition(id));
    } catch (error) {
      setActionError(error);
    }
  }

  const canEdit = auth.can('definitions.edit');
  return (
    <section aria-labelledby="workflows-title">
      <div className="page-head">
        <h1 id="workflows-title">Workflows</h1>
        {canEdit && (
          <div className="actions">
            <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="new-workflow">
              New workflow
            </button>
            <button type="button" onClick={() => fileInput.current?.click()}>
              Import JSON
            </button>
            <input
              ref={fileInput}
              type="file"
              accept="application/json,.json"
              hidden
              aria-label="Import workflow file"
              data-testid="import-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void importFile(file);
              }}
            />
          </div>
        )}
      </div>
      {creating && <NewWorkflowForm onCancel={() => setCreating(false)} onCreated={(id) => navigate(`/workflows/${encodeURIComponent(id)}`)} />}
      <div className="filters" role="search">
        <label>
          Search
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name or id" data-testid="workflow-search" />
        </label>
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            <option value="all">All</option>
            <option value="published">Published</option>
            <option value="draft">Has a draft</option>
          </select>
        </label>
      </div>
      <ErrorBox error={actionError} title="Could not do that" />
      <ErrorBox error={list.error} title="Could not load workflows" />
      {list.loading && !list.data ? (
        <Loading />
      ) : (
        <table className="table" data-testid="workflows-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Id</th>
              <th scope="col">Status</th>
              <th scope="col">Versions</th>
              <th scope="col">Updated</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.definitionId} data-testid={`workflow-row-${d.definitionId}`}>
                <td>
                  <Link to={`/workflows/${encodeURIComponent(d.definitionId)}`}>{d.name}</Link>
                  {d.description && <div className="muted small">{d.description}</div>}
                </td>
                <td>
                  <code>{d.definitionId}</code>
                </td>
                <td>
                  {d.publishedVersion !== undefined && <span className="badge badge-published">published v{d.publishedVersion}</span>}{' '}
                  {hasDraft(d) && <span className="badge badge-draft">draft v{d.latestVersion}</span>}
                </td>
                <td>{d.versionCount}</td>
                <td>{formatDate(d.updatedAt)}</td>
                <td className="row-actions">
                  <Link to={`/workflows/${encodeURIComponent(d.definitionId)}/versions`}>History</Link>
                  <button type="button" className="link" onClick={() => void exportDefinition(d.definitionId)} aria-label={`Export ${d.name}`}>
                    Export
                  </button>
                </td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  No workflows{debounced || status !== 'all' ? ' match' : ' yet'}.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}

function NewWorkflowForm({ onCancel, onCreated }: { onCancel(): void; onCreated(id: string): void }) {
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [idTouched, setIdTouched] = useState(false);
  const [error, setError] = useState<unknown>();
  const effectiveId = idTouched ? id : slugify(name);
  const idValid = definitionIdPattern.test(effectiveId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const definition: WorkflowDefinition = {
      definitionId: effectiveId,
      name: name.trim(),
      root: { type: 'Flowchart', activities: [{ id: 'start', type: 'Start', metadata: { designer: { position: { x: 80, y: 160 } } } }], connections: [] },
    };
    try {
      const saved = await api.saveDefinition(definition);
      onCreated(saved.definitionId);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form className="card inline-form" onSubmit={(e) => void submit(e)} aria-label="New workflow">
      <label>
        Name
        <input required value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={200} />
      </label>
      <label>
        Id
        <input
          value={effectiveId}
          onChange={(e) => {
            setIdTouched(true);
            setId(e.target.value);
          }}
          aria-invalid={!idValid}
          aria-describedby="new-id-help"
        />
      </label>
      <p id="new-id-help" className="muted small">
        Lower-case letters, digits, ".", "_" and "-"; it never changes once created.
      </p>
      <ErrorBox error={error} title="Could not create the workflow" />
      <div className="actions">
        <button type="submit" className="primary" disabled={!name.trim() || !idValid}>
          Create
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
