import { api } from '../api/endpoints';
import type { ActivityDescriptor, DefinitionVersion } from '../api/types';

/*
 * Opening a deep link to the designer would otherwise wait for three things in a row: the session check, the
 * designer's code chunk, then the definition and descriptors. main.tsx starts all of them at once instead; the
 * page takes the prefetched data if it is there (once, and only if fresh) — synchronously when it has arrived, so the
 * designer's first render already draws the workflow.
 */

export type DesignerData = [DefinitionVersion, ActivityDescriptor[]];
let pending: { id: string; at: number; promise: Promise<DesignerData>; result?: DesignerData } | null = null;
let designerModule: typeof import('./DesignerPage') | undefined;

export const designerRoute = /^\/workflows\/([^/]+)\/?$/;

/** Loads the designer's code; once loaded, {@link loadedDesignerModule} has it without waiting. */
export function importDesigner() {
  return import('./DesignerPage').then((module) => (designerModule = module));
}

export function loadedDesignerModule() {
  return designerModule;
}

function fresh(id: string) {
  return pending && pending.id === id && Date.now() - pending.at < 10_000 ? pending : null;
}

/** The prefetched data for this workflow if it has already arrived (taken once). */
export function takePrefetchedDesignerData(id: string): DesignerData | undefined {
  const found = fresh(id);
  if (!found?.result) return undefined;
  pending = null;
  return found.result;
}

export function loadDesignerData(id: string, signal?: AbortSignal): Promise<DesignerData> {
  const load = () => Promise.all([api.getDefinition(id, 'latest', signal), api.descriptors(signal)]);
  const found = fresh(id);
  if (found) {
    pending = null;
    // A prefetch that failed (say 401 before signing in on a deep link) is not the answer: ask again.
    return found.promise.catch(load);
  }
  return load();
}

export function prefetchForLocation(pathname: string) {
  const match = designerRoute.exec(pathname);
  if (!match) return;
  const id = decodeURIComponent(match[1]!);
  const promise = Promise.all([api.getDefinition(id, 'latest'), api.descriptors()]) as Promise<DesignerData>;
  const entry: NonNullable<typeof pending> = { id, at: Date.now(), promise };
  promise.then(
    (result) => (entry.result = result),
    () => undefined, // the page reports errors when it uses the promise
  );
  pending = entry;
  void importDesigner();
}
