import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../api/types';
import { copySelection } from '../lib/clipboard';
import { effectiveExpressionType, setInputValue, switchExpressionType } from '../lib/expressions';
import { definitionToGraph, graphToDefinition } from '../lib/graph';
import { testDescriptors } from '../lib/__fixtures__/descriptors';
import rich from '../lib/__fixtures__/escalation-rich.json';
import type { DesignerAction, DesignerState } from './state';
import { designerReducer, initialState } from './state';

const log = testDescriptors.find((d) => d.type === 'Log')!;
const message = log.inputs[0]!;
const run = (state: DesignerState, ...actions: DesignerAction[]) => actions.reduce(designerReducer, state);
const start = () => initialState(definitionToGraph(rich as WorkflowDefinition));

describe('designer state: undo/redo over graph and properties', () => {
  it('adds an activity with a fresh id, selected, and undoes it', () => {
    const s = run(start(), { type: 'addActivity', descriptor: log, position: { x: 10, y: 20 } });
    const added = s.model.nodes.at(-1)!;
    expect(added.id).toBe('log2');
    expect(added.selected).toBe(true);
    expect(added.position).toEqual({ x: 10, y: 20 });
    expect(s.revision).toBe(1);
    expect(run(s, { type: 'undo' }).model.nodes.some((n) => n.id === 'log2')).toBe(false);
  });

  it('one drag is one undo step, rounded to whole pixels', () => {
    const s0 = start();
    const s = run(
      s0,
      { type: 'nodesChange', changes: [{ type: 'position', id: 'start', position: { x: 50.4, y: 200 }, dragging: true }] },
      { type: 'nodesChange', changes: [{ type: 'position', id: 'start', position: { x: 60.6, y: 210 }, dragging: true }] },
      { type: 'nodesChange', changes: [{ type: 'position', id: 'start', position: { x: 70, y: 220 }, dragging: false }] },
    );
    expect(s.model.nodes[0]!.position).toEqual({ x: 70, y: 220 });
    expect(s.history.past).toHaveLength(1);
    expect(run(s, { type: 'undo' }).model.nodes[0]!.position).toEqual({ x: 40, y: 200.5 });
    const again = run(s, { type: 'nodesChange', changes: [{ type: 'position', id: 'start', position: { x: 1, y: 1 }, dragging: true }] });
    expect(again.history.past).toHaveLength(2);
  });

  it('selection is not an undo step and does not count as a change', () => {
    const s = run(start(), { type: 'nodesChange', changes: [{ type: 'select', id: 'ack', selected: true }] });
    expect(s.history.past).toHaveLength(0);
    expect(s.revision).toBe(0);
  });

  it('typing into one input is one step; undo and redo restore the property and the remembered type', () => {
    const typed = ['E', 'Es', 'Esc'].map((text): DesignerAction => ({
      type: 'updateActivity', id: 'log1', key: 'input:log1:message', update: (a) => setInputValue(a, message, 'template', text),
    }));
    let s = run(start(), ...typed);
    expect(s.history.past).toHaveLength(1);
    s = run(s, { type: 'updateActivity', id: 'log1', key: 'type:log1:message', update: (a) => switchExpressionType(a, message, 'javascript') });
    s = run(s, { type: 'updateActivity', id: 'log1', key: 'input:log1:message', update: (a) => setInputValue(a, message, 'javascript', '') });
    const node = () => s.model.nodes.find((n) => n.id === 'log1')!.data.activity;
    expect(node().inputs?.message).toBeUndefined();
    expect(effectiveExpressionType(node(), message)).toBe('javascript');
    s = run(s, { type: 'nodesChange', changes: [{ type: 'select', id: 'log1', selected: false }] }, { type: 'nodesChange', changes: [{ type: 'select', id: 'log1', selected: true }] });
    expect(effectiveExpressionType(node(), message)).toBe('javascript');
    s = run(s, { type: 'undo' }, { type: 'undo' });
    expect(node().inputs?.message).toEqual({ expression: { type: 'template', value: 'Esc' } });
    s = run(s, { type: 'undo' });
    expect(node().inputs?.message).toEqual({ expression: { type: 'template', value: 'Escalating {{ ticket.id }}' } });
    s = run(s, { type: 'redo' }, { type: 'redo' }, { type: 'redo' });
    expect(effectiveExpressionType(node(), message)).toBe('javascript');
  });

  it('connects ports once and deletes selected nodes with their connections in one step', () => {
    let s = run(start(), { type: 'connect', connection: { source: 'ack', sourceHandle: 'Rejected', target: 'end', targetHandle: 'in' } });
    expect(s.model.edges.at(-1)!.id).toBe('ack:Rejected->end');
    expect(run(s, { type: 'connect', connection: { source: 'ack', sourceHandle: 'Rejected', target: 'end', targetHandle: 'in' } })).toBe(s);
    s = run(s, { type: 'select', nodeId: 'ack' }, { type: 'deleteSelection' });
    expect(s.model.nodes.some((n) => n.id === 'ack')).toBe(false);
    expect(s.model.edges.some((e) => e.source === 'ack' || e.target === 'ack')).toBe(false);
    s = run(s, { type: 'undo' });
    expect(s.model.edges.filter((e) => e.source === 'ack' || e.target === 'ack')).toHaveLength(5);
  });

  it('renames an activity and re-points its connections', () => {
    const s = run(start(), { type: 'renameActivity', from: 'ack', to: 'acknowledge' });
    const def = graphToDefinition(s.model);
    expect(def.root.activities.find((a) => a.id === 'acknowledge')).toBeDefined();
    expect(def.root.connections!.filter((c) => c.source.activity === 'acknowledge' || c.target.activity === 'acknowledge')).toHaveLength(4);
    expect(run(s, { type: 'renameActivity', from: 'acknowledge', to: 'route' })).toBe(s);
  });

  it('pastes a copy with new ids and leaves the original untouched; undo removes the copy', () => {
    let s = run(start(), { type: 'select', nodeId: 'fork1' });
    const clip = copySelection(s.model.nodes, s.model.edges)!;
    s = run(s, { type: 'paste', content: clip });
    expect(s.model.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['fork2']);
    expect(run(s, { type: 'undo' }).model.nodes.some((n) => n.id === 'fork2')).toBe(false);
  });

  it('removing bend points from a connection is one undoable step', () => {
    const id = 'ack:Acknowledged->switch1';
    let s = run(start(), { type: 'updateEdge', id, update: ({ vertices: _v, ...rest }) => rest });
    expect(graphToDefinition(s.model).root.connections!.find((c) => c.source.port === 'Acknowledged')!.vertices).toBeUndefined();
    s = run(s, { type: 'undo' });
    expect(graphToDefinition(s.model).root.connections!.find((c) => c.source.port === 'Acknowledged')!.vertices).toHaveLength(2);
  });

  it('an unchanged document round-trips exactly after selection and measuring', () => {
    const s = run(start(), { type: 'select', nodeId: 'ack' }, { type: 'nodesChange', changes: [{ type: 'dimensions', id: 'ack', dimensions: { width: 200, height: 80 } }] });
    expect(JSON.parse(JSON.stringify(graphToDefinition(s.model)))).toStrictEqual(rich);
  });
});
