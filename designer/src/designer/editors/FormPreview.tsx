import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import type { FormDocument } from '../../lib/formSchema';

/** Renders the form as the task inbox will (RJSF), so the designer sees what a resolver gets. */
export default function FormPreview({ form }: { form: FormDocument }) {
  return (
    <div className="form-preview" data-testid="form-preview" aria-label="Form preview">
      <Form schema={form.schema as RJSFSchema} uiSchema={form.uiSchema as UiSchema} validator={validator} noHtml5Validate>
        <button type="submit" className="primary">
          Submit (preview)
        </button>
      </Form>
    </div>
  );
}
