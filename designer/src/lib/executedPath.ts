import type { ActivityRunStats, InstanceDetails, JournalEntry, WorkflowDefinition } from '../api/types';
import { connectionKey } from './graph';
import { defaultPort } from './ports';

export interface ExecutedPath {
  /** Activities that ran at least once. */
  executed: Set<string>;
  faulted: Set<string>;
  /** Activities holding an open bookmark (waiting). */
  waiting: Set<string>;
  /** Keys (`a:Port->b`) of connections a token went along. */
  traversed: Set<string>;
  stats: Record<string, ActivityRunStats>;
}

const arrivalEvents = new Set(['ActivityStarted', 'JoinArrived']);

/**
 * Derives the executed path of an instance. A connection a -Port-> b counts as traversed when a completed with
 * Port among its outcomes and b started (or a Join registered the arrival) later in the journal. Without journal
 * outcomes (older servers), connections between two executed activities whose port is the Done port or is any
 * port the source completed with are highlighted instead.
 */
export function executedPath(definition: WorkflowDefinition, instance: Pick<InstanceDetails, 'activities' | 'bookmarks'>, journal: JournalEntry[]): ExecutedPath {
  const stats = instance.activities ?? {};
  const executed = new Set(Object.entries(stats).filter(([, s]) => s.runs > 0).map(([id]) => id));
  const faulted = new Set(Object.entries(stats).filter(([, s]) => s.faults > 0).map(([id]) => id));
  const waiting = new Set((instance.bookmarks ?? []).map((b) => b.activityId));
  for (const entry of journal) {
    if (entry.activityId && arrivalEvents.has(entry.event)) executed.add(entry.activityId);
    if (entry.activityId && entry.event === 'ActivityFaulted') faulted.add(entry.activityId);
  }
  const ordered = [...journal].sort((a, b) => a.sequence - b.sequence);
  const connections = definition.root.connections ?? [];
  const bySource = new Map<string, typeof connections>();
  for (const c of connections) {
    const list = bySource.get(c.source.activity);
    if (list) list.push(c);
    else bySource.set(c.source.activity, [c]);
  }
  const traversed = new Set<string>();
  const hasOutcomes = ordered.some((e) => e.event === 'ActivityCompleted' && e.outcomes !== undefined);
  if (hasOutcomes) {
    ordered.forEach((entry, index) => {
      if (entry.event !== 'ActivityCompleted' || !entry.activityId || !entry.outcomes) return;
      for (const c of bySource.get(entry.activityId) ?? []) {
        if (!entry.outcomes.includes(c.source.port ?? defaultPort)) continue;
        const arrived = ordered.slice(index + 1).some((later) => later.activityId === c.target.activity && arrivalEvents.has(later.event));
        if (arrived) traversed.add(connectionKey(c));
      }
    });
  } else {
    for (const c of connections) if (executed.has(c.source.activity) && executed.has(c.target.activity)) traversed.add(connectionKey(c));
  }
  return { executed, faulted, waiting, traversed, stats };
}
