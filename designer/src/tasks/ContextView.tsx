import type { JsonValue } from '../api/types';
import { humanize } from '../lib/humanize';
import { pretty } from '../lib/json';

/** The data shown beside the form: an object as a list of labelled values, anything else as JSON. */
export function ContextView({ context }: { context: JsonValue | undefined }) {
  if (context === undefined || context === null) return null;
  if (typeof context !== 'object' || Array.isArray(context)) return <pre className="code-block">{pretty(context)}</pre>;
  return (
    <dl className="context" data-testid="task-context">
      {Object.entries(context).map(([key, value]) => (
        <div key={key}>
          <dt>{humanize(key)}</dt>
          <dd>{value !== null && typeof value === 'object' ? <pre className="code-inline">{pretty(value)}</pre> : String(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
