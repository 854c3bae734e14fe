import { describe, expect, it } from 'vitest';
import { mapDiff } from './diffMapping';

describe('server diff mapping', () => {
  it('maps activities to ids and connections to keys', () => {
    expect(
      mapDiff({
        definitionId: 'd',
        fromVersion: 1,
        toVersion: 2,
        hasChanges: true,
        changedProperties: ['name'],
        addedActivities: [{ id: 'a', type: 'Log', name: null }],
        removedActivities: [{ id: 'c', type: 'Log', name: 'C' }],
        changedActivities: [{ id: 'd', type: 'Log', fields: ['name', 'inputs.x'] }],
        addedConnections: [{ sourceActivity: 'a', sourcePort: 'Done', targetActivity: 'b' }],
        removedConnections: [{ sourceActivity: 'x', sourcePort: 'No', targetActivity: 'y' }],
      }),
    ).toEqual({
      activities: { added: ['a'], removed: ['c'], changed: [{ id: 'd', fields: ['name', 'inputs.x'] }] },
      connections: { added: ['a:Done->b'], removed: ['x:No->y'] },
    });
  });
});
