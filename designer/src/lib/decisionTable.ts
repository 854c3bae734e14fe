import type { JsonObject, JsonValue } from '../api/types';
import { isPlainObject } from './json';

/*
 * The Escalations.Route decision table, stored as the literal JSON array of its rules, first match wins:
 *   [{ "priority": "P1", "clientTier": "gold", "team": "major-incidents", "authorityLevel": "L3" }, ...]
 * A condition column that is absent matches anything; the designer shows it as "any". Keys the editor does not
 * know are kept as they are.
 */

export const conditionColumns = ['priority', 'category', 'slaStatus', 'clientTier'] as const;
export const resultColumns = ['team', 'authorityLevel'] as const;
export type DecisionColumn = (typeof conditionColumns)[number] | (typeof resultColumns)[number];
export const decisionColumns: DecisionColumn[] = [...conditionColumns, ...resultColumns];

export const columnLabels: Record<DecisionColumn, string> = {
  priority: 'Priority',
  category: 'Category',
  slaStatus: 'SLA status',
  clientTier: 'Client tier',
  team: 'Team',
  authorityLevel: 'Authority level',
};

export const columnSuggestions: Partial<Record<DecisionColumn, string[]>> = {
  priority: ['P1', 'P2', 'P3', 'P4'],
  slaStatus: ['onTrack', 'atRisk', 'breached'],
  clientTier: ['standard', 'gold', 'platinum'],
  authorityLevel: ['L1', 'L2', 'L3', 'L4'],
};

export interface DecisionRow {
  cells: Partial<Record<DecisionColumn, string>>;
  /** Keys of the stored rule the editor does not edit, kept for the round trip. */
  extra?: JsonObject;
}

const known = new Set<string>(decisionColumns);

export function rowsFromJson(value: JsonValue | undefined): DecisionRow[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isPlainObject).map((rule) => {
    const row: DecisionRow = { cells: {} };
    for (const [key, cell] of Object.entries(rule)) {
      if (known.has(key) && typeof cell === 'string') row.cells[key as DecisionColumn] = cell;
      else (row.extra ??= {})[key] = cell;
    }
    return row;
  });
}

export function rowsToJson(rows: DecisionRow[]): JsonObject[] {
  return rows.map((row) => {
    const rule: JsonObject = {};
    for (const column of decisionColumns) {
      const cell = row.cells[column]?.trim();
      if (cell) rule[column] = cell;
    }
    return { ...rule, ...row.extra };
  });
}

/** Rules that cannot route: no team, or shadowed by an earlier rule that matches everything it matches. */
export function checkRows(rows: DecisionRow[]): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = [];
  rows.forEach((row, index) => {
    if (!row.cells.team?.trim()) problems.push({ index, message: `Rule ${index + 1} has no team.` });
    const shadow = rows.slice(0, index).findIndex((earlier) =>
      conditionColumns.every((c) => {
        const e = earlier.cells[c]?.trim();
        return !e || e === row.cells[c]?.trim();
      }),
    );
    if (shadow >= 0) problems.push({ index, message: `Rule ${index + 1} never applies: rule ${shadow + 1} above matches first.` });
  });
  return problems;
}
