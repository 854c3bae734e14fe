import { describe, expect, it } from 'vitest';
import { mapDiff } from './diffMapping';

describe('server diff mapping', () => {
  it('accepts ids or objects for activities and keys or connection objects for connections', () => {
    expect(
      mapDiff({
        activities: { added: ['a', { id: 'b' }], removed: [{ id: 'c' }], changed: [{ id: 'd', fields: ['name', 'inputs.x'] }, 'e', 7] },
        connections: { added: ['a:Done->b', { key: 'b:True->c' }], removed: [{ source: { activity: 'x', port: 'No' }, target: { activity: 'y' } }, { source: { activity: 'p' }, target: { activity: 'q' } }] },
      }),
    ).toEqual({
      activities: { added: ['a', 'b'], removed: ['c'], changed: [{ id: 'd', fields: ['name', 'inputs.x'] }, { id: 'e', fields: [] }] },
      connections: { added: ['a:Done->b', 'b:True->c'], removed: ['x:No->y', 'p:Done->q'] },
    });
  });

  it('treats missing parts as empty', () => {
    expect(mapDiff({})).toEqual({ activities: { added: [], removed: [], changed: [] }, connections: { added: [], removed: [] } });
  });
});
