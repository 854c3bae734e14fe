import type { DefinitionDiff } from '../lib/diff';
import { connectionKey } from '../lib/graph';
import type { ConnectionJson, DefinitionDiffResponse } from './types';

/*
 * The one place that knows the server's diff shape. It accepts activity entries as ids or {id}, changed entries as
 * {id, fields} or ids, and connection entries as keys ("a:Port->b"), {key} or connection objects.
 */

function activityId(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string') return (entry as { id: string }).id;
  return undefined;
}

function connection(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (!entry || typeof entry !== 'object') return undefined;
  const e = entry as { key?: unknown; source?: { activity?: unknown }; target?: { activity?: unknown } };
  if (typeof e.key === 'string') return e.key;
  if (typeof e.source?.activity === 'string' && typeof e.target?.activity === 'string') return connectionKey(entry as ConnectionJson);
  return undefined;
}

const defined = <T>(x: T | undefined): x is T => x !== undefined;

export function mapDiff(response: DefinitionDiffResponse): DefinitionDiff {
  return {
    activities: {
      added: (response.activities?.added ?? []).map(activityId).filter(defined),
      removed: (response.activities?.removed ?? []).map(activityId).filter(defined),
      changed: (response.activities?.changed ?? [])
        .map((c) => {
          const id = activityId(c);
          if (id === undefined) return undefined;
          const fields = (c as { fields?: unknown }).fields;
          return { id, fields: Array.isArray(fields) ? fields.map(String) : [] };
        })
        .filter(defined),
    },
    connections: {
      added: (response.connections?.added ?? []).map(connection).filter(defined),
      removed: (response.connections?.removed ?? []).map(connection).filter(defined),
    },
  };
}
