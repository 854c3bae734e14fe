import { lazy, Suspense, useState } from 'react';
import type { JsonValue } from '../../api/types';
import type { FieldType, FormField } from '../../lib/formSchema';
import { checkFields, fieldsToForm, fieldTypes, formToFields, widgetsByType } from '../../lib/formSchema';
import { swap } from './OutcomesEditor';
import type { EditorProps } from './useDraft';
import { useDraft } from './useDraft';

// RJSF and ajv are large: the preview loads them only when opened.
const FormPreview = lazy(() => import('./FormPreview'));

const toValue = (fields: FormField[]): JsonValue | undefined => (fields.length ? (fieldsToForm(fields) as unknown as JsonValue) : undefined);

/** Fields of a HumanTask form, stored as { schema, uiSchema } (JSON Schema + RJSF uiSchema). */
export function FormFieldEditor({ id, label, value, onChange, disabled }: EditorProps) {
  const [fields, update] = useDraft(value, formToFields, toValue);
  const [preview, setPreview] = useState(false);
  const problems = checkFields(fields);
  const set = (next: FormField[]) => update(next, onChange, checkFields(next).length === 0);
  const patch = (i: number, change: Partial<FormField>) => set(fields.map((f, j) => (j === i ? { ...f, ...change } : f)));
  return (
    <div className="form-designer" role="group" aria-label={label} id={id} data-testid="form-designer">
      {fields.map((f, i) => (
        <fieldset key={i} className="form-field" aria-label={`Field ${i + 1}`}>
          <legend>
            Field {i + 1}
            <span className="row-actions">
              <button type="button" className="icon" aria-label={`Move field ${i + 1} up`} disabled={disabled || i === 0} onClick={() => set(swap(fields, i, i - 1))}>
                ↑
              </button>
              <button type="button" className="icon" aria-label={`Remove field ${i + 1}`} disabled={disabled} onClick={() => set(fields.filter((_, j) => j !== i))}>
                ✕
              </button>
            </span>
          </legend>
          <div className="grid-2">
            <label>
              Name
              <input value={f.name} disabled={disabled} onChange={(e) => patch(i, { name: e.target.value })} />
            </label>
            <label>
              Title
              <input value={f.title} disabled={disabled} onChange={(e) => patch(i, { title: e.target.value })} />
            </label>
            <label>
              Type
              <select
                value={f.type}
                disabled={disabled}
                onChange={(e) => {
                  const type = e.target.value as FieldType;
                  patch(i, { type, widget: undefined, options: type === 'enum' ? (f.options ?? ['Option 1']) : undefined });
                }}
              >
                {fieldTypes.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </select>
            </label>
            <label>
              Widget
              <select value={f.widget ?? widgetsByType[f.type][0]} disabled={disabled} onChange={(e) => patch(i, { widget: e.target.value })}>
                {widgetsByType[f.type].map((w) => (
                  <option key={w}>{w}</option>
                ))}
              </select>
            </label>
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={f.required} disabled={disabled} onChange={(e) => patch(i, { required: e.target.checked })} />
            Required
          </label>
          <label>
            Help text
            <input value={f.help ?? ''} disabled={disabled} onChange={(e) => patch(i, { help: e.target.value || undefined })} />
          </label>
          {f.type === 'enum' && (
            <label>
              Options (one per line)
              <textarea rows={3} value={(f.options ?? []).join('\n')} disabled={disabled} onChange={(e) => patch(i, { options: e.target.value.split('\n') })} />
            </label>
          )}
        </fieldset>
      ))}
      {problems.map((p, i) => (
        <p key={i} className="field-error">
          {p.message}
        </p>
      ))}
      <div className="actions">
        <button type="button" disabled={disabled} onClick={() => set([...fields, { name: nextName(fields), title: '', type: 'string', required: false }])}>
          Add field
        </button>
        <button type="button" aria-pressed={preview} onClick={() => setPreview((p) => !p)} disabled={fields.length === 0}>
          {preview ? 'Hide preview' : 'Preview form'}
        </button>
      </div>
      {preview && fields.length > 0 && problems.length === 0 && (
        <Suspense fallback={<p className="muted">Loading preview…</p>}>
          <FormPreview form={fieldsToForm(fields)} />
        </Suspense>
      )}
    </div>
  );
}

function nextName(fields: FormField[]): string {
  for (let n = fields.length + 1; ; n++) if (!fields.some((f) => f.name === `field${n}`)) return `field${n}`;
}
