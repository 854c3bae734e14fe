import { describe, expect, it } from 'vitest';
import { copySelection, parseClipboard, pasteClipboard } from './clipboard';
import { definitionToGraph, graphToDefinition } from './graph';
import rich from './__fixtures__/escalation-rich.json';
import type { WorkflowDefinition } from '../api/types';

describe('copy/paste', () => {
  const graph = definitionToGraph(rich as WorkflowDefinition);
  const selectedIds = new Set(['fork1', 'log1', 'http1']);
  const nodes = graph.nodes.map((n) => ({ ...n, selected: selectedIds.has(n.id) }));

  it('copies the selected activities and only the connections among them', () => {
    const clip = copySelection(nodes, graph.edges)!;
    expect(clip.activities.map((a) => a.id)).toEqual(['fork1', 'log1', 'http1']);
    expect(clip.connections.map((c) => `${c.source.activity}->${c.target.activity}`)).toEqual(['fork1->log1', 'fork1->http1']);
    expect(copySelection(graph.nodes, graph.edges)).toBeNull();
  });

  it('pastes with new unique ids, offset positions and re-pointed connections', () => {
    const clip = parseClipboard(JSON.stringify(copySelection(nodes, graph.edges)))!;
    const pasted = pasteClipboard(clip, graph.nodes.map((n) => n.id));
    expect(pasted.nodes.map((n) => n.id)).toEqual(['fork2', 'log2', 'sendHttpRequest1']);
    expect(pasted.nodes.every((n) => n.selected)).toBe(true);
    expect(pasted.nodes[0]!.position).toEqual({ x: 1040, y: 140 });
    expect(pasted.edges.map((e) => e.id)).toEqual(['fork2:Notify->log2', 'fork2:Escalate->sendHttpRequest1']);
    expect(pasted.nodes[2]!.data.activity.retry).toEqual({ maxAttempts: 3 });
    const merged = graphToDefinition({ ...graph, nodes: [...graph.nodes, ...pasted.nodes], edges: [...graph.edges, ...pasted.edges] });
    expect(new Set(merged.root.activities.map((a) => a.id)).size).toBe(merged.root.activities.length);
  });

  it('pasting twice never reuses an id', () => {
    const clip = copySelection(nodes, graph.edges)!;
    const first = pasteClipboard(clip, graph.nodes.map((n) => n.id));
    const second = pasteClipboard(clip, [...graph.nodes, ...first.nodes].map((n) => n.id));
    expect(second.nodes.map((n) => n.id)).toEqual(['fork3', 'log3', 'sendHttpRequest2']);
  });

  it('rejects foreign clipboard text', () => {
    expect(parseClipboard('hello')).toBeNull();
    expect(parseClipboard('{"kind":"other"}')).toBeNull();
  });
});
