import { useEffect, useMemo } from 'react';
import Form from '@rjsf/core';
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import type { JsonObject } from '../api/types';
import { formIdPrefix } from '../lib/formErrors';
import { humanize } from '../lib/humanize';

export interface TaskFormProps {
  /** The JSON Schema of the data; without one only the outcome buttons are shown. */
  schema: Readonly<Record<string, unknown>> | null | undefined;
  uiSchema: Readonly<Record<string, unknown>> | null | undefined;
  data: JsonObject;
  onChange(data: JsonObject, changedField: string | undefined): void;
  /** The server's errors by field (RJSF extraErrors), shown next to each field. */
  errors: ErrorSchema;
  /** The field to focus (the first one with an error), by RJSF id. */
  focusFieldId?: string | undefined;
  outcomes: readonly string[];
  onOutcome(outcome: string): void;
  busy: boolean;
  /** Why the answer cannot be sent (shown instead of working buttons), or undefined when it can. */
  blockedReason?: string | undefined;
  readOnly?: boolean;
  /** Accessible name of the form. */
  label: string;
}

/**
 * A task's form rendered with RJSF (its schema and uiSchema) and one button per outcome. The server checks the data
 * (422 with one error per field), so the browser does not validate on its own: the errors shown are the server's.
 */
export default function TaskForm(props: TaskFormProps) {
  const { schema, uiSchema, data, onChange, errors, focusFieldId, outcomes, onOutcome, busy, blockedReason, readOnly = false, label } = props;
  const ui = useMemo<UiSchema>(() => ({ ...(uiSchema as UiSchema | undefined), 'ui:submitButtonOptions': { norender: true } }), [uiSchema]);

  useEffect(() => {
    if (focusFieldId) document.getElementById(focusFieldId)?.focus();
  }, [focusFieldId, errors]);

  return (
    <div className="task-form" aria-label={label} role="group" data-testid="task-form">
      {schema && (
        <Form
          schema={schema as RJSFSchema}
          uiSchema={ui}
          formData={data}
          validator={validator}
          idPrefix={formIdPrefix}
          noValidate
          noHtml5Validate
          showErrorList={false}
          extraErrors={errors}
          disabled={readOnly}
          tagName="div"
          onChange={(event, id) => onChange((event.formData ?? {}) as JsonObject, fieldOf(id))}
        />
      )}
      {!readOnly && (
        <div className="outcomes" role="group" aria-label="Answer">
          {blockedReason && (
            <p className="muted small" data-testid="complete-blocked">
              {blockedReason}
            </p>
          )}
          {outcomes.map((outcome, i) => (
            <button
              key={outcome}
              type="button"
              className={i === 0 ? 'primary' : undefined}
              disabled={busy || !!blockedReason}
              onClick={() => onOutcome(outcome)}
              data-testid={`outcome-${outcome}`}
            >
              {humanize(outcome)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** The top-level field an RJSF change id (root_email, root_address_street) belongs to. */
function fieldOf(id: string | undefined): string | undefined {
  if (!id?.startsWith(`${formIdPrefix}_`)) return undefined;
  return id.slice(formIdPrefix.length + 1).split('_')[0];
}
