import type { JsonValue } from '../../api/types';
import { readDynamicPorts } from '../../lib/ports';
import type { EditorProps } from './useDraft';
import { useDraft } from './useDraft';

const portName = /^[A-Za-z0-9_ -]{1,100}$/;

/** A list of outcome (port) names; each becomes a source handle on the node. */
export function OutcomesEditor({ id, label, value, onChange, disabled }: EditorProps) {
  const [names, update] = useDraft<string[]>(value, (v) => readDynamicPorts(v), (d) => (d.length ? d : undefined));
  const problems = names.map((n, i) => (!portName.test(n) ? `Outcome ${i + 1} needs a name (letters, digits, space, _ or -).` : names.indexOf(n) !== i ? `'${n}' is listed twice.` : null));
  const valid = problems.every((p) => p === null);
  const set = (next: string[]) => update(next, onChange, next.every((n, i) => portName.test(n) && next.indexOf(n) === i));
  return (
    <div className="list-editor" role="group" aria-label={label} id={id}>
      {names.map((name, i) => (
        <div className="list-row" key={i}>
          <input aria-label={`${label} ${i + 1}`} value={name} disabled={disabled} onChange={(e) => set(names.map((n, j) => (j === i ? e.target.value : n)))} />
          <button type="button" className="icon" aria-label={`Move ${name || i + 1} up`} disabled={disabled || i === 0} onClick={() => set(swap(names, i, i - 1))}>
            ↑
          </button>
          <button type="button" className="icon" aria-label={`Remove ${name || i + 1}`} disabled={disabled} onClick={() => set(names.filter((_, j) => j !== i))}>
            ✕
          </button>
        </div>
      ))}
      {!valid && problems.filter(Boolean).map((p) => <p key={p} className="field-error">{p}</p>)}
      <button type="button" disabled={disabled} onClick={() => set([...names, nextName(names)])}>
        Add outcome
      </button>
    </div>
  );
}

function nextName(names: string[]): string {
  for (let n = names.length + 1; ; n++) if (!names.includes(`Outcome${n}`)) return `Outcome${n}`;
}

export function swap<T>(list: T[], a: number, b: number): T[] {
  const next = list.slice();
  [next[a], next[b]] = [next[b]!, next[a]!];
  return next;
}

export type { JsonValue };
