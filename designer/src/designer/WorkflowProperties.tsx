import type { JsonValue, ValueType, VariableDefinition, WorkflowInputDefinition, WorkflowOutputDefinition } from '../api/types';
import { valueTypes } from '../api/types';
import type { WorkflowShell } from '../lib/graph';
import { namePattern } from '../lib/ids';
import type { ErrorTarget } from '../lib/pointers';
import { JsonEditor } from './editors/JsonEditor';

export interface WorkflowPropertiesProps {
  shell: WorkflowShell;
  errors: ErrorTarget[];
  readOnly: boolean;
  onUpdate(update: (shell: WorkflowShell) => WorkflowShell, key: string): void;
}

type ListKey = 'variables' | 'inputs' | 'outputs';
type Item = VariableDefinition & WorkflowInputDefinition & WorkflowOutputDefinition;

function withField<T extends object, K extends keyof T>(item: T, key: K, value: T[K] | undefined): T {
  const next = { ...item };
  if (value === undefined || value === '' || value === false) delete next[key];
  else next[key] = value;
  return next;
}

/** Workflow-level properties: name, description, incident strategy, variables, inputs and outputs. */
export function WorkflowProperties({ shell, errors, readOnly, onUpdate }: WorkflowPropertiesProps) {
  const setList = (list: ListKey, items: Item[], key: string) =>
    onUpdate((s) => {
      const next = { ...s };
      if (items.length) (next as Record<ListKey, Item[]>)[list] = items;
      else delete next[list];
      return next;
    }, key);
  const listError = (list: ListKey) => errors.filter((e) => e.error.pointer.startsWith(`/${list}`));
  const variableNames = (shell.variables ?? []).map((v) => v.name);

  function listEditor(list: ListKey, title: string, noun: string) {
    const items = ((shell[list] ?? []) as Item[]).slice();
    const names = items.map((i) => i.name);
    return (
      <section className="panel-subsection" aria-label={title} data-testid={`workflow-${list}`}>
        <h3>{title}</h3>
        {items.map((item, index) => {
          const update = (change: (i: Item) => Item, field: string) => setList(list, items.map((x, j) => (j === index ? change(x) : x)), `${list}:${index}:${field}`);
          const nameProblem = !namePattern.test(item.name) ? 'A letter, _ or $ first, then letters, digits, _ or $.' : names.indexOf(item.name) !== index ? 'Used twice.' : undefined;
          return (
            <fieldset key={index} className="list-item">
              <legend className="sr-only">
                {noun} {index + 1}
              </legend>
              <div className="grid-2">
                <label>
                  Name
                  <input value={item.name} aria-invalid={!!nameProblem} onChange={(e) => update((i) => ({ ...i, name: e.target.value }), 'name')} />
                </label>
                <label>
                  Type
                  <select value={item.type ?? ''} onChange={(e) => update((i) => withField(i, 'type', (e.target.value || undefined) as ValueType | undefined), 'type')}>
                    <option value="">(any)</option>
                    {valueTypes.map((t) => (
                      <option key={t}>{t}</option>
                    ))}
                  </select>
                </label>
              </div>
              {nameProblem && <p className="field-error">{nameProblem}</p>}
              {list === 'inputs' && (
                <label className="checkbox">
                  <input type="checkbox" checked={item.required === true} onChange={(e) => update((i) => withField(i, 'required', e.target.checked || undefined), 'required')} />
                  Required
                </label>
              )}
              {list === 'outputs' && (
                <label>
                  From variable
                  <select value={item.variable ?? ''} onChange={(e) => update((i) => withField(i, 'variable', e.target.value || undefined), 'variable')}>
                    <option value="">(the variable named {item.name || 'like the output'})</option>
                    {variableNames.map((v) => (
                      <option key={v}>{v}</option>
                    ))}
                  </select>
                </label>
              )}
              {list !== 'outputs' && (
                <label>
                  Default (JSON)
                  <JsonEditor id={`${list}-${index}-default`} label={`${noun} ${item.name} default`} value={item.default} rows={1} allowText onChange={(v: JsonValue | undefined) => update((i) => withField(i, 'default', v), 'default')} />
                </label>
              )}
              <label>
                Description
                <input value={item.description ?? ''} onChange={(e) => update((i) => withField(i, 'description', e.target.value || undefined), 'description')} />
              </label>
              <button type="button" className="link danger" onClick={() => setList(list, items.filter((_, j) => j !== index), `${list}:remove`)} aria-label={`Remove ${noun.toLowerCase()} ${item.name}`}>
                Remove
              </button>
            </fieldset>
          );
        })}
        {listError(list).map((e, i) => (
          <p key={i} className="field-error">
            <code>{e.error.pointer}</code> {e.error.message}
          </p>
        ))}
        <button type="button" onClick={() => setList(list, [...items, { name: nextName(names, noun.toLowerCase()) }], `${list}:add`)}>
          Add {noun.toLowerCase()}
        </button>
      </section>
    );
  }

  return (
    <section className="panel-section" aria-labelledby="workflow-props-title" data-testid="workflow-properties">
      <h2 id="workflow-props-title">Workflow</h2>
      <fieldset disabled={readOnly} className="plain">
        <div className="field">
          <label htmlFor="workflow-name">Name</label>
          <input id="workflow-name" value={shell.name} maxLength={200} onChange={(e) => onUpdate((s) => ({ ...s, name: e.target.value }), 'shell:name')} />
        </div>
        <div className="field">
          <span className="label">Id</span> <code>{shell.definitionId}</code>
        </div>
        <div className="field">
          <label htmlFor="workflow-description">Description</label>
          <textarea id="workflow-description" rows={3} value={shell.description ?? ''} onChange={(e) => onUpdate((s) => withField(s, 'description', e.target.value || undefined), 'shell:description')} />
        </div>
        <div className="field">
          <label htmlFor="incident-strategy">When an activity faults</label>
          <select
            id="incident-strategy"
            value={shell.options?.incidentStrategy ?? ''}
            onChange={(e) =>
              onUpdate((s) => {
                const value = e.target.value as 'fault' | 'continue' | '';
                const { options: _o, ...rest } = s;
                return value ? { ...rest, options: { ...s.options, incidentStrategy: value } } : rest;
              }, 'shell:incident')
            }
          >
            <option value="">Fault the instance (default)</option>
            <option value="fault">Fault the instance</option>
            <option value="continue">Continue other branches</option>
          </select>
        </div>
        {listEditor('variables', 'Variables', 'Variable')}
        {listEditor('inputs', 'Inputs', 'Input')}
        {listEditor('outputs', 'Outputs', 'Output')}
      </fieldset>
    </section>
  );
}

function nextName(names: string[], prefix: string): string {
  for (let n = names.length + 1; ; n++) if (!names.includes(`${prefix}${n}`)) return `${prefix}${n}`;
}
