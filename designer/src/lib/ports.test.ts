import { describe, expect, it } from 'vitest';
import { portsOf, readDynamicPorts } from './ports';
import { testDescriptors } from './__fixtures__/descriptors';

const d = (type: string) => testDescriptors.find((x) => x.type === type)!;

describe('dynamic ports', () => {
  it('reads names and objects with port or name, like the engine', () => {
    expect(readDynamicPorts(['A', { port: 'B' }, { name: 'C' }, { port: 'D', name: 'x' }, 3, '', ' ', null, { other: 1 }])).toEqual(['A', 'B', 'C', 'D']);
    expect(readDynamicPorts('A')).toEqual([]);
    expect(readDynamicPorts(undefined)).toEqual([]);
  });

  it('adds ports from the literal input after the static ones, without duplicates', () => {
    const fork = { id: 'f', type: 'Fork', inputs: { branches: { expression: { type: 'literal' as const, value: ['Notify', 'Done', 'Escalate'] } } } };
    expect(portsOf(d('Fork'), fork)).toEqual(['Done', 'Notify', 'Escalate']);
    const sw = { id: 's', type: 'Switch', inputs: { cases: { expression: { type: 'literal' as const, value: [{ port: 'High', condition: 'x' }] } } } };
    expect(portsOf(d('Switch'), sw)).toEqual(['Default', 'High']);
  });

  it('ignores a non-literal dynamic input and gives static ports otherwise', () => {
    const fork = { id: 'f', type: 'Fork', inputs: { branches: { expression: { type: 'javascript' as const, value: '["A"]' } } } };
    expect(portsOf(d('Fork'), fork)).toEqual(['Done']);
    expect(portsOf(d('Decision'), { id: 'x', type: 'Decision' })).toEqual(['True', 'False']);
    expect(portsOf(d('End'), { id: 'x', type: 'End' })).toEqual([]);
  });

  it('applies the input default when the ports input is left out (HumanTask without outcomes has Done)', () => {
    expect(portsOf(d('HumanTask'), { id: 't', type: 'HumanTask' })).toEqual(['Done']);
    const custom = { id: 't', type: 'HumanTask', inputs: { outcomes: { expression: { type: 'literal' as const, value: ['Approve', 'Reject'] } } } };
    expect(portsOf(d('HumanTask'), custom)).toEqual(['Approve', 'Reject']);
    expect(portsOf(d('Fork'), { id: 'f', type: 'Fork' })).toEqual(['Done']);
  });

  it('gives an unknown activity type the Done port', () => {
    expect(portsOf(undefined, { id: 'x', type: 'Nope' })).toEqual(['Done']);
  });
});
