import { describe, expect, it } from 'vitest';
import type { ActivityJson, InputDescriptor } from '../api/types';
import { allowedExpressionTypes, convertValue, effectiveExpressionType, setInputValue, switchExpressionType } from './expressions';

const message: InputDescriptor = { name: 'message', type: 'string', required: true, supportsExpressions: true, defaultExpressionType: 'template', uiHint: 'multiline', html: false };
const level: InputDescriptor = { name: 'level', type: 'string', required: false, supportsExpressions: false, defaultExpressionType: 'literal', uiHint: 'dropdown', options: ['Debug'], html: false };
const count: InputDescriptor = { name: 'count', type: 'integer', required: false, supportsExpressions: true, defaultExpressionType: 'literal', uiHint: 'singleline', html: false };
const log: ActivityJson = { id: 'log1', type: 'Log', metadata: { designer: { position: { x: 1, y: 2 } } } };

describe('expression type switcher', () => {
  it('offers only literal when the input does not support expressions', () => {
    expect(allowedExpressionTypes(level)).toEqual(['literal']);
    expect(allowedExpressionTypes(message)).toEqual(['literal', 'javascript', 'template', 'variable', 'input']);
    expect(effectiveExpressionType(log, level)).toBe('literal');
  });

  it('starts at the descriptor default and follows the binding', () => {
    expect(effectiveExpressionType(log, message)).toBe('template');
    const bound = setInputValue(log, message, 'javascript', '"hi"');
    expect(effectiveExpressionType(bound, message)).toBe('javascript');
  });

  it('remembers the chosen type when the value is cleared, and survives a copy of the node', () => {
    let node = switchExpressionType(log, message, 'javascript');
    expect(node.inputs).toBeUndefined();
    expect(effectiveExpressionType(node, message)).toBe('javascript');
    node = setInputValue(node, message, 'javascript', 'input.ticket.id');
    expect(node.inputs?.message).toEqual({ expression: { type: 'javascript', value: 'input.ticket.id' } });
    expect(node.metadata?.designer?.expressionTypes).toBeUndefined();
    node = setInputValue(node, message, 'javascript', '');
    expect(node.inputs).toBeUndefined();
    expect(node.metadata?.designer?.expressionTypes).toEqual({ message: 'javascript' });
    const reselected = JSON.parse(JSON.stringify(node)) as ActivityJson;
    expect(effectiveExpressionType(reselected, message)).toBe('javascript');
    expect(reselected.metadata?.designer?.position).toEqual({ x: 1, y: 2 });
  });

  it('does not keep a memory entry for the default type', () => {
    const node = setInputValue(setInputValue(log, message, 'template', 'x'), message, 'template', '');
    expect(node).toEqual(log);
  });

  it('keeps the value where it means the same thing', () => {
    expect(convertValue('PT4H', 'literal', 'javascript', message)).toBe('"PT4H"');
    expect(convertValue(42, 'literal', 'javascript', count)).toBe('42');
    expect(convertValue('"PT4H"', 'javascript', 'literal', message)).toBe('PT4H');
    expect(convertValue('42', 'javascript', 'literal', count)).toBe(42);
    expect(convertValue('a + b', 'javascript', 'template', message)).toBe('a + b');
    expect(convertValue('Hello {{ name }}', 'template', 'literal', message)).toBe('Hello {{ name }}');
    expect(convertValue('attempts', 'variable', 'javascript', count)).toBe('attempts');
    expect(convertValue('attempts', 'variable', 'template', message)).toBe('{{ attempts }}');
    expect(convertValue('attempts', 'literal', 'variable', message, { variables: ['attempts'] })).toBe('attempts');
  });

  it('clears what cannot be carried over', () => {
    expect(convertValue('input.ticket.id', 'javascript', 'literal', count)).toBeUndefined();
    expect(convertValue('attempts', 'variable', 'literal', message)).toBeUndefined();
    expect(convertValue('nope', 'literal', 'variable', message, { variables: ['attempts'] })).toBeUndefined();
    expect(convertValue('a b', 'javascript', 'input', message)).toBeUndefined();
    expect(convertValue(42, 'literal', 'variable', count)).toBeUndefined();
    expect(convertValue('x + 1', 'template', 'literal', count)).toBeUndefined();
  });

  it('switching with a value converts it in place', () => {
    const bound = setInputValue(log, message, 'literal', 'Ticket escalated');
    const js = switchExpressionType(bound, message, 'javascript');
    expect(js.inputs?.message).toEqual({ expression: { type: 'javascript', value: '"Ticket escalated"' } });
    const cleared = switchExpressionType(js, message, 'variable', { variables: ['attempts'] });
    expect(cleared.inputs).toBeUndefined();
    expect(effectiveExpressionType(cleared, message)).toBe('variable');
  });
});
