import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../api/types';
import { checkRows, rowsFromJson, rowsToJson } from './decisionTable';

const rules: JsonValue[] = [
  { priority: 'P1', clientTier: 'platinum', team: 'major-incidents', authorityLevel: 'L3' },
  { priority: 'P1', team: 'network-l2', authorityLevel: 'L2', note: 'kept' },
  { team: 'service-desk', authorityLevel: 'L1' },
];

describe('decision table ↔ JSON', () => {
  it('round-trips the stored rules, unknown keys included', () => {
    expect(rowsToJson(rowsFromJson(rules))).toEqual(rules);
  });

  it('drops empty cells (an absent condition matches anything) and trims', () => {
    expect(rowsToJson([{ cells: { priority: ' ', category: ' hw ', team: 't', authorityLevel: '' } }])).toEqual([{ category: 'hw', team: 't' }]);
  });

  it('reads nothing from a non-array', () => {
    expect(rowsFromJson(undefined)).toEqual([]);
    expect(rowsFromJson({ a: 1 })).toEqual([]);
  });

  it('flags a rule without a team and a rule shadowed by an earlier catch-all', () => {
    const problems = checkRows(rowsFromJson([{ team: 'desk' }, { priority: 'P1', team: 'x' }, { priority: 'P2' }]));
    expect(problems.map((p) => p.index)).toEqual([1, 2, 2]);
    expect(checkRows(rowsFromJson(rules))).toEqual([]);
  });
});
