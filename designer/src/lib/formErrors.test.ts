import { describe, expect, it } from 'vitest';
import type { ErrorSchema } from '@rjsf/utils';
import { fieldId, mapFormErrors, withoutFieldErrors } from './formErrors';

describe('server form errors → RJSF', () => {
  it('puts each error next to its field and keeps the rest general', () => {
    const mapped = mapFormErrors([
      { pointer: '/data/customerEmail', code: 'form-invalid', message: 'Customer email is not a valid email address.' },
      { pointer: '/data/address/street', code: 'form-invalid', message: "'street' is required." },
      { pointer: '/data/a~1b', code: 'form-invalid', message: 'odd name' },
      { pointer: '/outcome', code: 'outcome-unknown', message: "'Maybe' is not an outcome." },
      { pointer: '/data', code: 'invalid-type', message: 'The form data must be an object of fields.' },
    ]);
    expect(mapped.errorSchema).toEqual({
      customerEmail: { __errors: ['Customer email is not a valid email address.'] },
      address: { street: { __errors: ["'street' is required."] } },
      'a/b': { __errors: ['odd name'] },
      __errors: ['The form data must be an object of fields.'],
    });
    expect(mapped.fieldIds).toEqual(['root_customerEmail', 'root_address_street', 'root_a/b']);
    expect(mapped.general).toEqual(["'Maybe' is not an outcome.", 'The form data must be an object of fields.']);
  });

  it('names RJSF field ids and drops a changed field', () => {
    expect(fieldId('/customerEmail')).toBe('root_customerEmail');
    expect(fieldId('')).toBe('root');
    expect(withoutFieldErrors({ a: { __errors: ['x'] }, b: { __errors: ['y'] } } as unknown as ErrorSchema, 'a')).toEqual({ b: { __errors: ['y'] } });
  });
});
