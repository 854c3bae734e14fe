import { describe, expect, it } from 'vitest';
import type { FormField } from './formSchema';
import { checkFields, fieldsToForm, formToFields } from './formSchema';

const fields: FormField[] = [
  { name: 'eta', title: 'ETA', type: 'date-time', required: true },
  { name: 'severity', title: 'Severity', type: 'enum', required: false, options: ['low', 'high'], widget: 'radio' },
  { name: 'note', title: 'Note', type: 'string', required: false, help: 'Optional.', widget: 'textarea' },
  { name: 'hours', title: 'Hours', type: 'number', required: false },
  { name: 'count', title: 'Count', type: 'integer', required: true, widget: 'updown' },
  { name: 'ok', title: 'Confirmed', type: 'boolean', required: false },
  { name: 'day', title: 'Day', type: 'date', required: false },
  { name: 'mail', title: 'Mail', type: 'email', required: false },
];

describe('form-field editor ↔ JSON Schema + uiSchema', () => {
  it('produces a JSON Schema and an RJSF uiSchema', () => {
    const form = fieldsToForm(fields);
    expect(form.schema).toEqual({
      type: 'object',
      properties: {
        eta: { type: 'string', format: 'date-time', title: 'ETA' },
        severity: { type: 'string', enum: ['low', 'high'], title: 'Severity' },
        note: { type: 'string', title: 'Note' },
        hours: { type: 'number', title: 'Hours' },
        count: { type: 'integer', title: 'Count' },
        ok: { type: 'boolean', title: 'Confirmed' },
        day: { type: 'string', format: 'date', title: 'Day' },
        mail: { type: 'string', format: 'email', title: 'Mail' },
      },
      required: ['eta', 'count'],
    });
    expect(form.uiSchema).toEqual({
      'ui:order': ['eta', 'severity', 'note', 'hours', 'count', 'ok', 'day', 'mail'],
      severity: { 'ui:widget': 'radio' },
      note: { 'ui:widget': 'textarea', 'ui:help': 'Optional.' },
    });
  });

  it('reads the fields back (default widgets are implied)', () => {
    const back = formToFields(fieldsToForm(fields) as never);
    expect(back).toEqual(fields.map((f) => (f.name === 'count' ? { ...f, widget: undefined } : f)).map((f) => JSON.parse(JSON.stringify(f))));
  });

  it('orders by ui:order and then the remaining properties', () => {
    const back = formToFields({ schema: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'boolean' }, c: { type: 'integer' } } }, uiSchema: { 'ui:order': ['c', 'a'] } });
    expect(back.map((f) => f.name)).toEqual(['c', 'a', 'b']);
  });

  it('tolerates an empty or foreign value', () => {
    expect(formToFields(undefined)).toEqual([]);
    expect(formToFields('x')).toEqual([]);
    expect(formToFields({})).toEqual([]);
  });

  it('reports bad names, duplicates, empty choices and wrong widgets', () => {
    const problems = checkFields([
      { name: '1x', title: '', type: 'string', required: false },
      { name: 'a', title: '', type: 'string', required: false },
      { name: 'a', title: '', type: 'enum', required: false, options: [''] },
      { name: 'b', title: '', type: 'boolean', required: false, widget: 'textarea' },
    ]);
    expect(problems.map((p) => p.index)).toEqual([0, 2, 2, 3]);
  });
});
