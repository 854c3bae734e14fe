import type { JsonObject, JsonValue } from '../api/types';
import { isPlainObject } from './json';

/*
 * The HumanTask form-field editor works on a list of fields and stores a JSON Schema plus an RJSF uiSchema in the
 * `form` input's literal value: { schema, uiSchema }. Field order lives in uiSchema["ui:order"].
 */

export const fieldTypes = ['string', 'number', 'integer', 'boolean', 'date', 'date-time', 'email', 'enum'] as const;
export type FieldType = (typeof fieldTypes)[number];

/** Widgets a field of each type may use; the first is the default and is not written to the uiSchema. */
export const widgetsByType: Record<FieldType, string[]> = {
  string: ['text', 'textarea', 'password'],
  number: ['updown', 'range', 'text'],
  integer: ['updown', 'range', 'text'],
  boolean: ['checkbox', 'radio', 'select'],
  date: ['date'],
  'date-time': ['datetime'],
  email: ['email'],
  enum: ['select', 'radio'],
};

export interface FormField {
  name: string;
  title: string;
  type: FieldType;
  required: boolean;
  help?: string;
  /** Choices of an enum field. */
  options?: string[];
  /** An RJSF widget other than the type's default. */
  widget?: string;
}

export interface FormDocument {
  schema: JsonObject;
  uiSchema: JsonObject;
}

const fieldName = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

function propertySchema(field: FormField): JsonObject {
  const schema: JsonObject = {};
  switch (field.type) {
    case 'date':
    case 'date-time':
    case 'email':
      schema.type = 'string';
      schema.format = field.type;
      break;
    case 'enum':
      schema.type = 'string';
      schema.enum = [...(field.options ?? [])];
      break;
    default:
      schema.type = field.type;
  }
  if (field.title) schema.title = field.title;
  return schema;
}

export function fieldsToForm(fields: FormField[]): FormDocument {
  const properties: JsonObject = {};
  const required: string[] = [];
  const uiSchema: JsonObject = { 'ui:order': fields.map((f) => f.name) };
  for (const field of fields) {
    properties[field.name] = propertySchema(field);
    if (field.required) required.push(field.name);
    const ui: JsonObject = {};
    if (field.widget && field.widget !== widgetsByType[field.type][0]) ui['ui:widget'] = field.widget;
    if (field.help) ui['ui:help'] = field.help;
    if (Object.keys(ui).length > 0) uiSchema[field.name] = ui;
  }
  const schema: JsonObject = { type: 'object', properties };
  if (required.length > 0) schema.required = required;
  return { schema, uiSchema };
}

function fieldType(schema: Record<string, JsonValue>): FieldType {
  if (Array.isArray(schema.enum)) return 'enum';
  if (schema.type === 'string') {
    if (schema.format === 'date' || schema.format === 'date-time' || schema.format === 'email') return schema.format;
    return 'string';
  }
  if (schema.type === 'number' || schema.type === 'integer' || schema.type === 'boolean') return schema.type;
  return 'string';
}

/** Reads the fields back from a stored form value; tolerant of missing parts (a new HumanTask has none). */
export function formToFields(value: JsonValue | undefined): FormField[] {
  if (!isPlainObject(value)) return [];
  const schema = isPlainObject(value.schema) ? value.schema : {};
  const uiSchema = isPlainObject(value.uiSchema) ? value.uiSchema : {};
  const properties = isPlainObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
  const order = Array.isArray(uiSchema['ui:order']) ? uiSchema['ui:order'].filter((o): o is string => typeof o === 'string') : [];
  const names = [...order.filter((n) => n in properties), ...Object.keys(properties).filter((n) => !order.includes(n))];
  return names.map((name) => {
    const prop = isPlainObject(properties[name]) ? (properties[name] as Record<string, JsonValue>) : {};
    const ui = isPlainObject(uiSchema[name]) ? (uiSchema[name] as Record<string, JsonValue>) : {};
    const type = fieldType(prop);
    const field: FormField = { name, title: typeof prop.title === 'string' ? prop.title : '', type, required: required.includes(name) };
    if (typeof ui['ui:help'] === 'string') field.help = ui['ui:help'];
    if (typeof ui['ui:widget'] === 'string') field.widget = ui['ui:widget'];
    if (type === 'enum') field.options = (prop.enum as JsonValue[]).map((o) => String(o));
    return field;
  });
}

/** Problems that keep the fields from making a usable form, each with the index of its field. */
export function checkFields(fields: FormField[]): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = [];
  const seen = new Set<string>();
  fields.forEach((field, index) => {
    if (!fieldName.test(field.name)) problems.push({ index, message: `Field ${index + 1}: the name must be a letter or _ followed by letters, digits or _.` });
    else if (seen.has(field.name)) problems.push({ index, message: `Field ${index + 1}: the name '${field.name}' is used twice.` });
    seen.add(field.name);
    if (field.type === 'enum' && !(field.options ?? []).some((o) => o.trim() !== '')) {
      problems.push({ index, message: `Field ${index + 1}: a choice field needs at least one option.` });
    }
    if (field.widget && !widgetsByType[field.type].includes(field.widget)) {
      problems.push({ index, message: `Field ${index + 1}: the widget '${field.widget}' does not fit a ${field.type} field.` });
    }
  });
  return problems;
}
