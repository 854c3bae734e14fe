import type { DefinitionError } from '../api/types';

/** Where a validation error belongs on the canvas. */
export interface ErrorTarget {
  error: DefinitionError;
  nodeId?: string;
  /** The input of that node the pointer goes into (`/root/activities/3/inputs/message/...`). */
  input?: string;
  edgeId?: string;
}

export interface MappedErrors {
  all: ErrorTarget[];
  byNode: Map<string, ErrorTarget[]>;
  byEdge: Map<string, ErrorTarget[]>;
  /** Errors on the workflow itself (name, variables, "no start", ...). */
  general: ErrorTarget[];
}

export function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer.replace(/^\//, '').split('/').map(unescapePointerSegment);
}

/**
 * Maps RFC 6901 pointers of a validation result onto the nodes and edges of the definition that was validated:
 * `/root/activities/N/...` → the N-th activity id, `/root/connections/N/...` → the N-th edge id.
 * The id lists must be those of the document sent (activity and connection order).
 */
export function mapErrors(errors: DefinitionError[], activityIds: string[], edgeIds: string[]): MappedErrors {
  const mapped: MappedErrors = { all: [], byNode: new Map(), byEdge: new Map(), general: [] };
  for (const error of errors) {
    const target = locate(error, activityIds, edgeIds);
    mapped.all.push(target);
    if (target.nodeId !== undefined) push(mapped.byNode, target.nodeId, target);
    else if (target.edgeId !== undefined) push(mapped.byEdge, target.edgeId, target);
    else mapped.general.push(target);
  }
  return mapped;
}

function locate(error: DefinitionError, activityIds: string[], edgeIds: string[]): ErrorTarget {
  const segments = parsePointer(error.pointer);
  if (segments[0] !== 'root' || segments.length < 3) return { error };
  const index = Number(segments[2]);
  if (!Number.isInteger(index)) return { error };
  if (segments[1] === 'activities') {
    const nodeId = activityIds[index];
    if (nodeId === undefined) return { error };
    const input = segments[3] === 'inputs' ? segments[4] : undefined;
    return input !== undefined ? { error, nodeId, input } : { error, nodeId };
  }
  if (segments[1] === 'connections') {
    const edgeId = edgeIds[index];
    return edgeId === undefined ? { error } : { error, edgeId };
  }
  return { error };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
