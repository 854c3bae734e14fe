import type { JsonObject, JsonValue } from '../../api/types';
import { isPlainObject } from '../../lib/json';
import { swap } from './OutcomesEditor';
import type { EditorProps } from './useDraft';
import { useDraft } from './useDraft';

interface Case {
  port: string;
  condition: string;
  extra?: JsonObject;
}

function fromValue(value: JsonValue | undefined): Case[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isPlainObject).map(({ port, condition, ...extra }) => ({
    port: typeof port === 'string' ? port : '',
    condition: typeof condition === 'string' ? condition : '',
    ...(Object.keys(extra).length ? { extra } : {}),
  }));
}

function toValue(cases: Case[]): JsonValue | undefined {
  return cases.length ? cases.map((c) => ({ port: c.port, condition: c.condition, ...c.extra })) : undefined;
}

/** Ordered Switch cases: the first whose JavaScript condition is true picks its port; else Default. */
export function SwitchCasesEditor({ id, label, value, onChange, disabled }: EditorProps) {
  const [cases, update] = useDraft(value, fromValue, toValue);
  const valid = (list: Case[]) => list.every((c, i) => c.port.trim() !== '' && c.port !== 'Default' && list.findIndex((o) => o.port === c.port) === i);
  const set = (next: Case[]) => update(next, onChange, valid(next));
  return (
    <div className="list-editor" role="group" aria-label={label} id={id}>
      {cases.map((c, i) => (
        <div className="case-row" key={i}>
          <input aria-label={`Case ${i + 1} port`} placeholder="Port" value={c.port} disabled={disabled} onChange={(e) => set(cases.map((x, j) => (j === i ? { ...x, port: e.target.value } : x)))} />
          <input
            aria-label={`Case ${i + 1} condition`}
            className="code"
            placeholder="JavaScript, e.g. vars.slaRemainingPercent < 25"
            value={c.condition}
            disabled={disabled}
            onChange={(e) => set(cases.map((x, j) => (j === i ? { ...x, condition: e.target.value } : x)))}
          />
          <button type="button" className="icon" aria-label={`Move case ${i + 1} up`} disabled={disabled || i === 0} onClick={() => set(swap(cases, i, i - 1))}>
            ↑
          </button>
          <button type="button" className="icon" aria-label={`Remove case ${i + 1}`} disabled={disabled} onClick={() => set(cases.filter((_, j) => j !== i))}>
            ✕
          </button>
        </div>
      ))}
      {!valid(cases) && <p className="field-error">Each case needs its own port name (not Default).</p>}
      <button type="button" disabled={disabled} onClick={() => set([...cases, { port: `Case${cases.length + 1}`, condition: 'true' }])}>
        Add case
      </button>
    </div>
  );
}
