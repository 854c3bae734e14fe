import type { JsonValue } from '../../api/types';
import type { DecisionRow } from '../../lib/decisionTable';
import { checkRows, columnLabels, columnSuggestions, conditionColumns, decisionColumns, resultColumns, rowsFromJson, rowsToJson } from '../../lib/decisionTable';
import { swap } from './OutcomesEditor';
import type { EditorProps } from './useDraft';
import { useDraft } from './useDraft';

const toValue = (rows: DecisionRow[]): JsonValue | undefined => (rows.length ? rowsToJson(rows) : undefined);

/** Rows of conditions (priority, category, SLA status, client tier) → team and authority level; first match wins. */
export function DecisionTableEditor({ id, label, value, onChange, disabled }: EditorProps) {
  const [rows, update] = useDraft(value, rowsFromJson, toValue);
  const set = (next: DecisionRow[]) => update(next, onChange);
  const problems = checkRows(rows);
  return (
    <div className="decision-table" id={id}>
      <table className="table compact" aria-label={label} data-testid="decision-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            {decisionColumns.map((c) => (
              <th scope="col" key={c} className={resultColumns.includes(c as never) ? 'result-col' : undefined}>
                {columnLabels[c]}
              </th>
            ))}
            <th scope="col">
              <span className="sr-only">Row actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              {decisionColumns.map((c) => (
                <td key={c}>
                  <input
                    aria-label={`Rule ${i + 1} ${columnLabels[c]}`}
                    value={row.cells[c] ?? ''}
                    placeholder={conditionColumns.includes(c as never) ? 'any' : ''}
                    list={columnSuggestions[c] ? `dt-${c}` : undefined}
                    disabled={disabled}
                    onChange={(e) => set(rows.map((r, j) => (j === i ? { ...r, cells: { ...r.cells, [c]: e.target.value } } : r)))}
                  />
                </td>
              ))}
              <td className="row-actions">
                <button type="button" className="icon" aria-label={`Move rule ${i + 1} up`} disabled={disabled || i === 0} onClick={() => set(swap(rows, i, i - 1))}>
                  ↑
                </button>
                <button type="button" className="icon" aria-label={`Remove rule ${i + 1}`} disabled={disabled} onClick={() => set(rows.filter((_, j) => j !== i))}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {Object.entries(columnSuggestions).map(([c, options]) => (
        <datalist id={`dt-${c}`} key={c}>
          {options.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
      ))}
      {problems.map((p, i) => (
        <p key={i} className="field-warning">
          {p.message}
        </p>
      ))}
      <button type="button" disabled={disabled} onClick={() => set([...rows, { cells: {} }])}>
        Add rule
      </button>
      <p className="muted small">Rules are tried from the top; an empty condition matches anything.</p>
    </div>
  );
}
