import type { MappedErrors } from '../lib/pointers';

export function ValidationList({ mapped, pending, unavailable, onPick }: { mapped: MappedErrors | undefined; pending: boolean; unavailable: boolean; onPick(nodeId?: string, edgeId?: string): void }) {
  const count = mapped?.all.length ?? 0;
  return (
    <section className="validation" aria-label="Problems" data-testid="validation-list">
      <h3>
        Problems{' '}
        <span className="muted small" data-testid="validation-status">
          {unavailable ? 'validation unavailable' : pending ? 'checking…' : count === 0 ? 'none — ready to publish' : `${count}`}
        </span>
      </h3>
      {count > 0 && (
        <ul>
          {mapped!.all.map((t, i) => (
            <li key={i}>
              {t.nodeId || t.edgeId ? (
                <button type="button" className="link" onClick={() => onPick(t.nodeId, t.edgeId)}>
                  {t.nodeId ? `${t.nodeId}${t.input ? ` · ${t.input}` : ''}` : `connection ${t.edgeId}`}
                </button>
              ) : (
                <code>{t.error.pointer || '/'}</code>
              )}{' '}
              {t.error.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
