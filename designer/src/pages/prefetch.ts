import { api } from '../api/endpoints';
import type { ActivityDescriptor, DefinitionVersion } from '../api/types';

/*
 * Opening a deep link to the designer would otherwise wait for three things in a row: the session check, the
 * designer's code chunk, then the definition and descriptors. main.tsx starts all of them at once instead; the
 * page takes the prefetched data if it is there (once, and only if fresh).
 */

type DesignerData = [DefinitionVersion, ActivityDescriptor[]];
let pending: { id: string; at: number; promise: Promise<DesignerData> } | null = null;

export const designerRoute = /^\/workflows\/([^/]+)\/?$/;

export function loadDesignerData(id: string, signal?: AbortSignal): Promise<DesignerData> {
  const load = () => Promise.all([api.getDefinition(id, 'latest', signal), api.descriptors(signal)]);
  if (pending && pending.id === id && Date.now() - pending.at < 10_000) {
    const { promise } = pending;
    pending = null;
    // A prefetch that failed (say 401 before signing in on a deep link) is not the answer: ask again.
    return promise.catch(load);
  }
  return load();
}

export function prefetchForLocation(pathname: string) {
  const match = designerRoute.exec(pathname);
  if (!match) return;
  const id = decodeURIComponent(match[1]!);
  const promise = Promise.all([api.getDefinition(id, 'latest'), api.descriptors()]) as Promise<DesignerData>;
  promise.catch(() => undefined); // the page reports errors when it uses the promise
  pending = { id, at: Date.now(), promise };
  void import('./DesignerPage');
}
