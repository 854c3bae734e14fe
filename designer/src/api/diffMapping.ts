import type { DefinitionDiff } from '../lib/diff';
import { edgeKey } from '../lib/graph';
import type { DefinitionDiffResponse } from './types';

/** The server's diff (GET …/diff) in the studio's terms: activity ids and connection keys (`a:Port->b`). */
export function mapDiff(response: DefinitionDiffResponse): DefinitionDiff {
  const key = (c: DefinitionDiffResponse['addedConnections'][number]) => edgeKey(c.sourceActivity, c.sourcePort, c.targetActivity);
  return {
    activities: {
      added: response.addedActivities.map((a) => a.id),
      removed: response.removedActivities.map((a) => a.id),
      changed: response.changedActivities.map((c) => ({ id: c.id, fields: [...c.fields] })),
    },
    connections: {
      added: response.addedConnections.map(key),
      removed: response.removedConnections.map(key),
    },
  };
}
