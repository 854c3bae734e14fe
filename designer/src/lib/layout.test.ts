import { describe, expect, it } from 'vitest';
import { layoutGraph } from './layout';

describe('auto-layout (elkjs layered, left to right)', () => {
  it('lays a chain out left to right and puts branches on separate rows', async () => {
    const positions = await layoutGraph(
      [
        { id: 'a', ports: ['Done'] },
        { id: 'b', ports: ['True', 'False'] },
        { id: 'c', ports: ['Done'] },
        { id: 'd', ports: ['Done'] },
      ],
      [
        { id: '1', source: 'a', sourcePort: 'Done', target: 'b' },
        { id: '2', source: 'b', sourcePort: 'True', target: 'c' },
        { id: '3', source: 'b', sourcePort: 'False', target: 'd' },
        { id: '4', source: 'x', sourcePort: 'Done', target: 'd' },
      ],
    );
    const p = (id: string) => positions.get(id)!;
    expect(p('a').x).toBeLessThan(p('b').x);
    expect(p('b').x).toBeLessThan(p('c').x);
    expect(p('c').x).toBe(p('d').x);
    expect(p('c').y).not.toBe(p('d').y);
  });
});
