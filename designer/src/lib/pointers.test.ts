import { describe, expect, it } from 'vitest';
import { mapErrors, parsePointer } from './pointers';

describe('validation pointer mapping', () => {
  const ids = ['start', 'log1', 'decision1'];
  const edges = ['start:Done->log1', 'log1:Done->decision1'];

  it('maps activity pointers to nodes, with the input when the pointer goes into one', () => {
    const mapped = mapErrors(
      [
        { pointer: '/root/activities/1/inputs/message/expression/value', code: 'expression-parse', message: 'Bad template' },
        { pointer: '/root/activities/2', code: 'unreachable-activity', message: 'Never runs' },
        { pointer: '/root/activities/2/type', code: 'unknown-activity-type', message: '?' },
      ],
      ids,
      edges,
    );
    expect(mapped.byNode.get('log1')![0]).toMatchObject({ nodeId: 'log1', input: 'message' });
    expect(mapped.byNode.get('decision1')).toHaveLength(2);
    expect(mapped.byNode.get('decision1')![0]!.input).toBeUndefined();
    expect(mapped.general).toHaveLength(0);
  });

  it('maps connection pointers to edges', () => {
    const mapped = mapErrors([{ pointer: '/root/connections/1/source/port', code: 'unknown-port', message: 'no port' }], ids, edges);
    expect([...mapped.byEdge.keys()]).toEqual(['log1:Done->decision1']);
  });

  it('keeps workflow-level and out-of-range pointers as general errors', () => {
    const mapped = mapErrors(
      [
        { pointer: '/root/activities', code: 'no-start', message: 'No start' },
        { pointer: '/name', code: 'schema', message: 'Name required' },
        { pointer: '/root/activities/9/id', code: 'duplicate-id', message: 'x' },
        { pointer: '', code: 'invalid-json', message: 'x' },
      ],
      ids,
      edges,
    );
    expect(mapped.general).toHaveLength(4);
    expect(mapped.all).toHaveLength(4);
  });

  it('unescapes RFC 6901 segments', () => {
    expect(parsePointer('/root/activities/0/inputs/a~1b~0c')).toEqual(['root', 'activities', '0', 'inputs', 'a/b~c']);
  });
});
