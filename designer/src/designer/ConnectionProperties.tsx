import type { ConnectionFlowEdge } from '../lib/graph';
import type { ErrorTarget } from '../lib/pointers';

export function ConnectionProperties({ edge, errors, readOnly, onStraighten, onDelete }: { edge: ConnectionFlowEdge; errors: ErrorTarget[]; readOnly: boolean; onStraighten(): void; onDelete(): void }) {
  const bends = edge.data?.vertices?.length ?? 0;
  return (
    <section className="panel-section" aria-labelledby="connection-props-title" data-testid="connection-properties">
      <h2 id="connection-props-title">Connection</h2>
      <p>
        <code>{edge.source}</code> on <strong>{edge.sourceHandle ?? 'Done'}</strong> → <code>{edge.target}</code>
      </p>
      {errors.map((e, i) => (
        <p key={i} className="field-error" role="alert">
          {e.error.message}
        </p>
      ))}
      <p className="muted small">{bends === 0 ? 'No bend points.' : `${bends} bend point${bends === 1 ? '' : 's'} stored with the connection.`}</p>
      {!readOnly && (
        <div className="actions">
          {bends > 0 && (
            <button type="button" onClick={onStraighten}>
              Remove bend points
            </button>
          )}
          <button type="button" className="danger" onClick={onDelete}>
            Delete connection
          </button>
        </div>
      )}
    </section>
  );
}
