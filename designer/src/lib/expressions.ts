import { expressionTypes } from '../api/types';
import type { ActivityJson, ActivityMetadata, ExpressionType, InputBinding, InputDescriptor, JsonValue } from '../api/types';

/*
 * The expression-type switcher of the property panel.
 *
 * An input's type is remembered even when its value is cleared (Elsa Studio forgets it, its users' top complaint):
 * a binding carries its own type; an input WITHOUT a binding remembers the chosen type in
 * `metadata.designer.expressionTypes[input]`, which therefore survives deselecting the node, undo/redo, save and
 * reload. The entry exists only while the input has no value and the choice differs from the descriptor default.
 */

const stringLike: ReadonlySet<string> = new Set(['string', 'datetime', 'duration', 'any']);
const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export interface NameLists {
  /** Declared workflow variables (for the `variable` type); when absent any identifier is accepted. */
  variables?: string[];
  /** Declared workflow inputs (for the `input` type). */
  inputs?: string[];
}

export function allowedExpressionTypes(input: InputDescriptor): ExpressionType[] {
  return input.supportsExpressions ? [...expressionTypes] : ['literal'];
}

export function defaultExpressionType(input: InputDescriptor): ExpressionType {
  return input.supportsExpressions ? input.defaultExpressionType : 'literal';
}

export function rememberedType(activity: ActivityJson, inputName: string): ExpressionType | undefined {
  return activity.metadata?.designer?.expressionTypes?.[inputName];
}

/** The type the switcher shows: the binding's, else the remembered choice, else the descriptor default. */
export function effectiveExpressionType(activity: ActivityJson, input: InputDescriptor): ExpressionType {
  return activity.inputs?.[input.name]?.expression.type ?? rememberedType(activity, input.name) ?? defaultExpressionType(input);
}

export function isEmptyValue(value: JsonValue | undefined): boolean {
  return value === undefined || value === null || value === '';
}

function asName(text: string, allowed: string[] | undefined): string | undefined {
  const trimmed = text.trim();
  if (!identifier.test(trimmed)) return undefined;
  return allowed === undefined || allowed.includes(trimmed) ? trimmed : undefined;
}

/**
 * What a value becomes when its input switches from one expression type to another; undefined = cleared.
 * Meaning is kept where it can be: a literal becomes the JavaScript that yields it (`"PT4H"`, `42`), JavaScript
 * that is a JSON literal becomes that literal, text stays text between JavaScript and template, and a name stays
 * when it names a declared variable or input. Anything that cannot be carried over is cleared.
 */
export function convertValue(
  value: JsonValue | undefined,
  from: ExpressionType,
  to: ExpressionType,
  input: InputDescriptor,
  names: NameLists = {},
): JsonValue | undefined {
  if (isEmptyValue(value)) return undefined;
  if (from === to) return value;
  if (from === 'literal') {
    switch (to) {
      case 'javascript':
        return JSON.stringify(value);
      case 'template':
        return typeof value === 'string' ? value : JSON.stringify(value);
      case 'variable':
        return typeof value === 'string' ? asName(value, names.variables) : undefined;
      case 'input':
        return typeof value === 'string' ? asName(value, names.inputs) : undefined;
      default:
        return undefined;
    }
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  switch (to) {
    case 'javascript':
    case 'template':
      return from === 'variable' || from === 'input' ? (to === 'javascript' ? text : `{{ ${text} }}`) : text;
    case 'variable':
      return asName(text, names.variables);
    case 'input':
      return asName(text, names.inputs);
    case 'literal': {
      if (from === 'variable' || from === 'input') return undefined;
      try {
        return JSON.parse(text) as JsonValue;
      } catch {
        return from === 'template' && stringLike.has(input.type) ? text : undefined;
      }
    }
    default:
      return undefined;
  }
}

function withMemory(activity: ActivityJson, inputName: string, type: ExpressionType | undefined): ActivityJson {
  const metadata = activity.metadata ?? {};
  const designer = metadata.designer ?? {};
  const current = designer.expressionTypes ?? {};
  if (current[inputName] === type) return activity;
  const expressionTypes = { ...current };
  if (type === undefined) delete expressionTypes[inputName];
  else expressionTypes[inputName] = type;
  const nextDesigner: NonNullable<ActivityMetadata['designer']> = { ...designer, expressionTypes };
  if (Object.keys(expressionTypes).length === 0) delete nextDesigner.expressionTypes;
  const nextMetadata: ActivityMetadata = { ...metadata, designer: nextDesigner };
  if (Object.keys(nextDesigner).length === 0) delete nextMetadata.designer;
  const next: ActivityJson = { ...activity, metadata: nextMetadata };
  if (Object.keys(nextMetadata).length === 0) delete next.metadata;
  return next;
}

function withBinding(activity: ActivityJson, inputName: string, binding: InputBinding | undefined): ActivityJson {
  const inputs = { ...activity.inputs };
  if (binding === undefined) delete inputs[inputName];
  else inputs[inputName] = binding;
  const next: ActivityJson = { ...activity, inputs };
  if (Object.keys(inputs).length === 0) delete next.inputs;
  return next;
}

/**
 * Sets (or, when empty, clears) an input's value under the given type. Clearing keeps the type in memory when it
 * is not the default; setting a value moves the type into the binding and drops the memory entry.
 */
export function setInputValue(activity: ActivityJson, input: InputDescriptor, type: ExpressionType, value: JsonValue | undefined): ActivityJson {
  if (isEmptyValue(value)) {
    const cleared = withBinding(activity, input.name, undefined);
    return withMemory(cleared, input.name, type === defaultExpressionType(input) ? undefined : type);
  }
  const bound = withBinding(activity, input.name, { expression: { type, value: value as JsonValue } });
  return withMemory(bound, input.name, undefined);
}

/** Switches an input to another expression type, converting its value (see convertValue). */
export function switchExpressionType(activity: ActivityJson, input: InputDescriptor, to: ExpressionType, names: NameLists = {}): ActivityJson {
  const from = effectiveExpressionType(activity, input);
  const value = activity.inputs?.[input.name]?.expression.value;
  const converted = convertValue(value, from, to, input, names);
  return setInputValue(activity, input, to, converted);
}
