import { memo } from 'react';
import type { ActivityJson, ExpressionType, InputDescriptor, JsonValue } from '../api/types';
import { allowedExpressionTypes, effectiveExpressionType, setInputValue, switchExpressionType } from '../lib/expressions';
import { DecisionTableEditor } from './editors/DecisionTableEditor';
import { FormFieldEditor } from './editors/FormFieldEditor';
import { JsonEditor } from './editors/JsonEditor';
import { OutcomesEditor } from './editors/OutcomesEditor';
import { SwitchCasesEditor } from './editors/SwitchCasesEditor';
import { WorkflowPicker } from './WorkflowPicker';

export const expressionLabels: Record<ExpressionType, string> = {
  literal: 'Literal',
  javascript: 'JavaScript',
  template: 'Template',
  variable: 'Variable',
  input: 'Workflow input',
};

const durationPattern = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

export interface InputFieldProps {
  activity: ActivityJson;
  input: InputDescriptor;
  variables: string[];
  workflowInputs: string[];
  definitionId: string;
  errors: string[];
  disabled: boolean;
  onUpdate(update: (activity: ActivityJson) => ActivityJson, key: string): void;
}

/** One activity input: the expression-type switcher and the editor for the chosen type and the input's uiHint. */
function InputFieldView({ activity, input, variables, workflowInputs, definitionId, errors, disabled, onUpdate }: InputFieldProps) {
  const type = effectiveExpressionType(activity, input);
  const value = activity.inputs?.[input.name]?.expression.value;
  const allowed = allowedExpressionTypes(input);
  const id = `input-${activity.id}-${input.name}`;
  const label = input.displayName ?? input.name;
  const set = (v: JsonValue | undefined) => onUpdate((a) => setInputValue(a, input, effectiveExpressionType(a, input), v), `input:${activity.id}:${input.name}`);
  const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  const placeholder = input.default !== undefined ? `Default: ${typeof input.default === 'string' ? input.default : JSON.stringify(input.default)}` : undefined;

  let editor: React.ReactNode;
  if (type === 'javascript' || type === 'template') {
    editor = (
      <textarea
        id={id}
        className="code"
        rows={input.uiHint === 'code' || input.uiHint === 'multiline' ? 4 : 2}
        value={text}
        disabled={disabled}
        spellCheck={false}
        placeholder={type === 'javascript' ? 'JavaScript, e.g. input.ticket.priority' : 'Template, e.g. Ticket {{ ticket.id }}'}
        onChange={(e) => set(e.target.value)}
      />
    );
  } else if (type === 'variable' || type === 'input') {
    const names = type === 'variable' ? variables : workflowInputs;
    editor = (
      <select id={id} value={text} disabled={disabled} onChange={(e) => set(e.target.value)}>
        <option value="">— choose {type === 'variable' ? 'a variable' : 'an input'} —</option>
        {text && !names.includes(text) && <option value={text}>{text} (not declared)</option>}
        {names.map((n) => (
          <option key={n}>{n}</option>
        ))}
      </select>
    );
  } else {
    editor = literalEditor();
  }

  function literalEditor(): React.ReactNode {
    switch (input.uiHint) {
      case 'decision-table':
        return <DecisionTableEditor id={id} label={label} value={value} onChange={set} disabled={disabled} />;
      case 'form-designer':
        return <FormFieldEditor id={id} label={label} value={value} onChange={set} disabled={disabled} />;
      case 'outcomes':
        return <OutcomesEditor id={id} label={label} value={value} onChange={set} disabled={disabled} />;
      case 'switch-cases':
        return <SwitchCasesEditor id={id} label={label} value={value} onChange={set} disabled={disabled} />;
      case 'json':
        return <JsonEditor id={id} label={label} value={value} onChange={set} disabled={disabled} />;
      case 'dropdown':
        return (
          <select id={id} value={text} disabled={disabled} onChange={(e) => set(e.target.value)}>
            <option value="">{placeholder ?? '—'}</option>
            {(input.options ?? []).map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        );
      case 'checkbox':
        return <input id={id} type="checkbox" checked={value === true} disabled={disabled} onChange={(e) => set(e.target.checked)} />;
      case 'variable-picker':
        return (
          <select id={id} value={text} disabled={disabled} onChange={(e) => set(e.target.value)}>
            <option value="">— choose a variable —</option>
            {text && !variables.includes(text) && <option value={text}>{text} (not declared)</option>}
            {variables.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        );
      case 'workflow-picker':
        return <WorkflowPicker id={id} label={label} value={text} onChange={set} disabled={disabled} exclude={definitionId} />;
      case 'duration':
        return (
          <>
            <input id={id} value={text} disabled={disabled} placeholder={placeholder ?? 'ISO 8601, e.g. PT4H or P1DT2H'} onChange={(e) => set(e.target.value)} aria-invalid={!!text && !durationPattern.test(text)} />
            {text && !durationPattern.test(text) && <p className="field-warning">Write an ISO 8601 duration such as PT30M, PT4H or P2D.</p>}
          </>
        );
      case 'datetime': {
        const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) ? text.slice(0, 16) : '';
        return (
          <>
            <input id={id} type="datetime-local" value={local} disabled={disabled} onChange={(e) => set(e.target.value ? `${e.target.value}:00Z` : undefined)} />
            <p className="muted small">UTC{text && !local ? ` — stored: ${text}` : ''}</p>
          </>
        );
      }
      default:
        break;
    }
    if (input.type === 'boolean') return <input id={id} type="checkbox" checked={value === true} disabled={disabled} onChange={(e) => set(e.target.checked)} />;
    if (input.type === 'number' || input.type === 'integer') {
      return (
        <input
          id={id}
          type="number"
          step={input.type === 'integer' ? 1 : 'any'}
          value={typeof value === 'number' ? value : ''}
          placeholder={placeholder}
          disabled={disabled}
          onChange={(e) => set(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
    }
    if (input.type === 'object' || input.type === 'array') return <JsonEditor id={id} label={label} value={value} onChange={set} disabled={disabled} rows={4} />;
    if (input.type === 'any') return <JsonEditor id={id} label={label} value={value} onChange={set} disabled={disabled} rows={3} allowText />;
    if (input.uiHint === 'multiline' || input.uiHint === 'code') {
      return <textarea id={id} rows={4} value={text} placeholder={placeholder} disabled={disabled} onChange={(e) => set(e.target.value)} />;
    }
    return <input id={id} value={text} placeholder={placeholder} disabled={disabled} onChange={(e) => set(e.target.value)} />;
  }

  return (
    <div className={`field${errors.length ? ' field-invalid' : ''}`} data-testid={`field-${input.name}`}>
      <div className="field-head">
        <label htmlFor={id} className={input.required ? 'required-label' : undefined}>
          {label}
          {input.required && <span className="sr-only"> (required)</span>}
        </label>
        {allowed.length > 1 ? (
          <select
            className="expr-type"
            aria-label={`Expression type for ${label}`}
            value={type}
            disabled={disabled}
            onChange={(e) =>
              onUpdate((a) => switchExpressionType(a, input, e.target.value as ExpressionType, { variables, inputs: workflowInputs }), `type:${activity.id}:${input.name}`)
            }
          >
            {allowed.map((t) => (
              <option key={t} value={t}>
                {expressionLabels[t]}
              </option>
            ))}
          </select>
        ) : (
          <span className="expr-type-fixed muted small">{expressionLabels.literal}</span>
        )}
      </div>
      {editor}
      {input.description && <p className="muted small">{input.description}</p>}
      {errors.map((e, i) => (
        <p key={i} className="field-error" role="alert">
          {e}
        </p>
      ))}
    </div>
  );
}

export const InputField = memo(InputFieldView);
