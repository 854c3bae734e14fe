import type { ErrorSchema } from '@rjsf/utils';
import type { DefinitionError } from '../api/types';

/** The id prefix RJSF gives the form's fields: `/email` is the field `root_email`. */
export const formIdPrefix = 'root';

/** RFC 6901 pointer → path segments (`~1` is `/`, `~0` is `~`). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The RJSF field id of the field a pointer into the data names (RJSF joins path segments with `_`). */
export function fieldId(pointer: string): string {
  return [formIdPrefix, ...pointerSegments(pointer)].join('_');
}

export interface MappedFormErrors {
  /** Errors by field, as RJSF's `extraErrors`: shown next to each field. */
  errorSchema: ErrorSchema;
  /** Ids of the fields with errors, in the server's order (the first gets focus). */
  fieldIds: string[];
  /** Errors about the whole answer (the outcome, the data as a whole). */
  general: string[];
}

/**
 * Maps the server's 422 errors to the form: `errors[].pointer` is `/data/<field>…` for form data (completion and
 * client answers), `/outcome` for the outcome; anything else is a general error.
 */
export function mapFormErrors(errors: readonly DefinitionError[], dataPointer = '/data'): MappedFormErrors {
  const errorSchema: Record<string, unknown> = {};
  const fieldIds: string[] = [];
  const general: string[] = [];
  for (const error of errors) {
    const pointer = error.pointer ?? '';
    if (pointer !== dataPointer && !pointer.startsWith(`${dataPointer}/`)) {
      general.push(error.message);
      continue;
    }
    const path = pointerSegments(pointer.slice(dataPointer.length));
    let node = errorSchema;
    for (const segment of path) node = (node[segment] ??= {}) as Record<string, unknown>;
    ((node.__errors ??= []) as string[]).push(error.message);
    if (path.length === 0) general.push(error.message);
    else if (!fieldIds.includes(fieldId(`/${path.join('/')}`))) fieldIds.push([formIdPrefix, ...path].join('_'));
  }
  return { errorSchema: errorSchema as ErrorSchema, fieldIds, general };
}

/** A field's errors removed (the person changed it): the rest stay. */
export function withoutFieldErrors(schema: ErrorSchema, field: string): ErrorSchema {
  const { [field]: _removed, ...rest } = schema as Record<string, unknown>;
  return rest as ErrorSchema;
}
