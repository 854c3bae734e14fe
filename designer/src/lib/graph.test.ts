import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../api/types';
import { definitionToGraph, edgeToConnection, graphToDefinition } from './graph';
import { largeDefinition } from './__fixtures__/large';

const shipped = import.meta.glob<WorkflowDefinition>(['../../../workflows/**/*.json', '!../../../workflows/schema/**'], { eager: true, import: 'default' });
const fixtures = import.meta.glob<WorkflowDefinition>('./__fixtures__/*.json', { eager: true, import: 'default' });

function roundTrip(definition: WorkflowDefinition): WorkflowDefinition {
  const original = JSON.parse(JSON.stringify(definition)) as WorkflowDefinition;
  const result = graphToDefinition(definitionToGraph(original));
  return JSON.parse(JSON.stringify(result)) as WorkflowDefinition;
}

describe('graph ↔ definition round trip', () => {
  it('finds the rich fixtures', () => {
    expect(Object.keys(fixtures).length).toBeGreaterThanOrEqual(3);
  });

  const all = { ...shipped, ...fixtures };
  for (const [file, definition] of Object.entries(all)) {
    it(`round-trips ${file} to a deep-equal definition`, () => {
      expect(roundTrip(definition)).toStrictEqual(JSON.parse(JSON.stringify(definition)));
    });
  }

  it(`round-trips every shipped workflow (${Object.keys(shipped).length} found under ../workflows)`, () => {
    for (const definition of Object.values(shipped)) expect(roundTrip(definition)).toStrictEqual(definition);
  });

  it('round-trips a 200-activity definition', () => {
    const large = largeDefinition(200);
    expect(roundTrip(large)).toStrictEqual(large);
  });
});

describe('definitionToGraph', () => {
  const rich = fixtures['./__fixtures__/escalation-rich.json']!;

  it('makes one node per activity at its stored position, and one edge per connection with its port handle', () => {
    const graph = definitionToGraph(rich);
    expect(graph.nodes).toHaveLength(rich.root.activities.length);
    expect(graph.nodes[0]!.position).toEqual({ x: 40, y: 200.5 });
    const ack = graph.edges.find((e) => e.source === 'ack' && e.sourceHandle === 'Acknowledged')!;
    expect(ack.target).toBe('switch1');
    expect(ack.data?.vertices).toHaveLength(2);
    expect(graph.edges.find((e) => e.source === 'start')!.sourceHandle).toBe('Done');
  });

  it('places activities without a position on a grid and writes no position back until moved', () => {
    const bare = fixtures['./__fixtures__/no-positions.json']!;
    const graph = definitionToGraph(bare);
    expect(graph.nodes.every((n) => n.data.autoPosition)).toBe(true);
    expect(new Set(graph.nodes.map((n) => `${n.position.x},${n.position.y}`)).size).toBe(3);
    const moved = { ...graph, nodes: graph.nodes.map((n, i) => (i === 0 ? { ...n, position: { x: 5, y: 6 }, data: { ...n.data, autoPosition: false } } : n)) };
    expect(graphToDefinition(moved).root.activities[0]!.metadata).toEqual({ designer: { position: { x: 5, y: 6 } } });
  });

  it('gives duplicated connections distinct edge ids', () => {
    const graph = definitionToGraph(fixtures['./__fixtures__/duplicates-and-timers.json']!);
    const ids = graph.edges.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('trigger:Done->wait#2');
  });

  it('writes the port of a connection drawn in the designer', () => {
    expect(edgeToConnection({ id: 'x', source: 'a', sourceHandle: 'True', target: 'b' })).toEqual({ source: { activity: 'a', port: 'True' }, target: { activity: 'b' } });
    expect(edgeToConnection({ id: 'x', source: 'a', sourceHandle: null, target: 'b' })).toEqual({ source: { activity: 'a', port: 'Done' }, target: { activity: 'b' } });
  });
});
