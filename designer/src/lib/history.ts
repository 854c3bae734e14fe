/**
 * Undo/redo over immutable snapshots. `record` is called BEFORE a change with the state as it is; a change with the
 * same coalescing key as the previous one (typing into one field, the moves of one drag) adds no new step.
 */
export interface History<T> {
  past: T[];
  future: T[];
  lastKey: string | null;
}

export const historyLimit = 200;

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [], lastKey: null };
}

export function record<T>(history: History<T>, present: T, key: string | null = null): History<T> {
  if (key !== null && key === history.lastKey) return history.future.length ? { ...history, future: [] } : history;
  const past = history.past.length >= historyLimit ? history.past.slice(1) : history.past.slice();
  past.push(present);
  return { past, future: [], lastKey: key };
}

/** Ends coalescing, so the next change with the same key starts a new step (e.g. at the end of a drag). */
export function seal<T>(history: History<T>): History<T> {
  return history.lastKey === null ? history : { ...history, lastKey: null };
}

export function canUndo<T>(history: History<T>): boolean {
  return history.past.length > 0;
}

export function canRedo<T>(history: History<T>): boolean {
  return history.future.length > 0;
}

export function undo<T>(history: History<T>, present: T): { history: History<T>; present: T } {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return { history, present };
  return {
    history: { past: history.past.slice(0, -1), future: [present, ...history.future], lastKey: null },
    present: previous,
  };
}

export function redo<T>(history: History<T>, present: T): { history: History<T>; present: T } {
  const [next, ...rest] = history.future;
  if (next === undefined) return { history, present };
  return { history: { past: [...history.past, present], future: rest, lastKey: null }, present: next };
}
