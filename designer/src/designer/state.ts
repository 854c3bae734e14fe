import { applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import type { Connection, EdgeChange, NodeChange } from '@xyflow/react';
import type { ActivityDescriptor, ActivityJson, Position } from '../api/types';
import type { ClipboardContent } from '../lib/clipboard';
import { pasteClipboard } from '../lib/clipboard';
import type { ActivityFlowNode, ConnectionEdgeData, ConnectionFlowEdge, GraphModel, WorkflowShell } from '../lib/graph';
import { activityToNode, edgeKey, nodeAriaLabel } from '../lib/graph';
import type { History } from '../lib/history';
import { emptyHistory, record, redo, seal, undo } from '../lib/history';
import { idPrefix, nextId } from '../lib/ids';

/*
 * The designer's document state: the graph model (nodes, edges, workflow shell) with undo/redo over both the
 * graph and the properties. Selection and measuring are applied without a history step; the moves of one drag and
 * the keystrokes into one field are one step each.
 */

export interface DesignerState {
  model: GraphModel;
  history: History<GraphModel>;
  /** Bumped on every document change (not on selection); compare with savedRevision for "unsaved changes". */
  revision: number;
  savedRevision: number;
}

export type DesignerAction =
  | { type: 'load'; model: GraphModel }
  | { type: 'nodesChange'; changes: NodeChange<ActivityFlowNode>[] }
  | { type: 'edgesChange'; changes: EdgeChange<ConnectionFlowEdge>[] }
  | { type: 'connect'; connection: Connection }
  | { type: 'addActivity'; descriptor: ActivityDescriptor; position: Position }
  | { type: 'updateActivity'; id: string; update: (activity: ActivityJson) => ActivityJson; key?: string }
  | { type: 'renameActivity'; from: string; to: string }
  | { type: 'updateShell'; update: (shell: WorkflowShell) => WorkflowShell; key?: string }
  | { type: 'updateEdge'; id: string; update: (data: ConnectionEdgeData) => ConnectionEdgeData }
  | { type: 'deleteSelection' }
  | { type: 'paste'; content: ClipboardContent }
  | { type: 'layout'; positions: Map<string, Position> }
  | { type: 'select'; nodeId?: string; edgeId?: string }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'saved'; revision: number; version?: number };

export function initialState(model: GraphModel): DesignerState {
  return { model, history: emptyHistory(), revision: 0, savedRevision: 0 };
}

function change(state: DesignerState, model: GraphModel, key: string | null = null): DesignerState {
  return { ...state, model, history: record(state.history, state.model, key), revision: state.revision + 1 };
}

function uniqueEdgeId(edges: ConnectionFlowEdge[], base: string): string {
  const ids = new Set(edges.map((e) => e.id));
  if (!ids.has(base)) return base;
  for (let n = 2; ; n++) if (!ids.has(`${base}#${n}`)) return `${base}#${n}`;
}

function onNodesChange(state: DesignerState, changes: NodeChange<ActivityFlowNode>[]): DesignerState {
  const positions = changes.filter((c) => c.type === 'position');
  const passive = changes.filter((c) => c.type === 'select' || c.type === 'dimensions');
  let next = state;
  if (passive.length > 0) next = { ...next, model: { ...next.model, nodes: applyNodeChanges(passive, next.model.nodes) } };
  if (positions.length === 0) return next;
  const dragging = positions.some((c) => c.type === 'position' && c.dragging);
  const rounded = positions.map((c) => (c.type === 'position' && c.position ? { ...c, position: { x: Math.round(c.position.x), y: Math.round(c.position.y) } } : c));
  let nodes = applyNodeChanges(rounded, next.model.nodes);
  const moved = new Set(positions.map((c) => (c.type === 'position' ? c.id : '')));
  nodes = nodes.map((n) => (moved.has(n.id) && n.data.autoPosition ? { ...n, data: { ...n.data, autoPosition: false } } : n));
  next = change(next, { ...next.model, nodes }, 'drag');
  return dragging ? next : { ...next, history: seal(next.history) };
}

function renameActivity(model: GraphModel, from: string, to: string): GraphModel {
  const nodes = model.nodes.map((n) => {
    if (n.id !== from) return n;
    const activity = { ...n.data.activity, id: to };
    return { ...n, id: to, data: { ...n.data, activity }, ariaLabel: nodeAriaLabel(activity) };
  });
  const edges: ConnectionFlowEdge[] = [];
  for (const e of model.edges) {
    if (e.source !== from && e.target !== from) {
      edges.push(e);
      continue;
    }
    const source = e.source === from ? to : e.source;
    const target = e.target === from ? to : e.target;
    edges.push({ ...e, id: uniqueEdgeId(edges, edgeKey(source, e.sourceHandle, target)), source, target });
  }
  return { ...model, nodes, edges };
}

export function designerReducer(state: DesignerState, action: DesignerAction): DesignerState {
  const { model } = state;
  switch (action.type) {
    case 'load':
      return initialState(action.model);
    case 'nodesChange':
      return onNodesChange(state, action.changes);
    case 'edgesChange': {
      const passive = action.changes.filter((c) => c.type === 'select');
      return passive.length ? { ...state, model: { ...model, edges: applyEdgeChanges(passive, model.edges) } } : state;
    }
    case 'connect': {
      const { source, target, sourceHandle } = action.connection;
      if (!source || !target) return state;
      const id = edgeKey(source, sourceHandle, target);
      if (model.edges.some((e) => e.id === id)) return state;
      const edge: ConnectionFlowEdge = { id, source, target, sourceHandle: sourceHandle ?? 'Done', targetHandle: 'in', type: 'connection', data: {} };
      return change(state, { ...model, edges: [...model.edges, edge] });
    }
    case 'addActivity': {
      const id = nextId(idPrefix(action.descriptor.type), new Set(model.nodes.map((n) => n.id)));
      const activity: ActivityJson = { id, type: action.descriptor.type, metadata: { designer: { position: action.position } } };
      const node = { ...activityToNode(activity, model.nodes.length), selected: true };
      const nodes = model.nodes.map((n) => (n.selected ? { ...n, selected: false } : n));
      return change(state, { ...model, nodes: [...nodes, node] });
    }
    case 'updateActivity': {
      const index = model.nodes.findIndex((n) => n.id === action.id);
      const node = model.nodes[index];
      if (!node) return state;
      const activity = action.update(node.data.activity);
      if (activity === node.data.activity) return state;
      const nodes = model.nodes.slice();
      nodes[index] = { ...node, data: { ...node.data, activity }, ariaLabel: nodeAriaLabel(activity) };
      return change(state, { ...model, nodes }, action.key ?? null);
    }
    case 'renameActivity': {
      if (action.from === action.to || model.nodes.some((n) => n.id === action.to)) return state;
      return change(state, renameActivity(model, action.from, action.to));
    }
    case 'updateShell': {
      const shell = action.update(model.shell);
      return shell === model.shell ? state : change(state, { ...model, shell }, action.key ?? null);
    }
    case 'updateEdge': {
      const index = model.edges.findIndex((e) => e.id === action.id);
      const edge = model.edges[index];
      if (!edge) return state;
      const edges = model.edges.slice();
      edges[index] = { ...edge, data: action.update(edge.data ?? {}) };
      return change(state, { ...model, edges });
    }
    case 'deleteSelection': {
      const removed = new Set(model.nodes.filter((n) => n.selected).map((n) => n.id));
      const edges = model.edges.filter((e) => !e.selected && !removed.has(e.source) && !removed.has(e.target));
      if (removed.size === 0 && edges.length === model.edges.length) return state;
      return change(state, { ...model, nodes: model.nodes.filter((n) => !removed.has(n.id)), edges });
    }
    case 'paste': {
      const pasted = pasteClipboard(action.content, model.nodes.map((n) => n.id));
      const nodes = model.nodes.map((n) => (n.selected ? { ...n, selected: false } : n));
      const edges = model.edges.map((e) => (e.selected ? { ...e, selected: false } : e));
      return change(state, { ...model, nodes: [...nodes, ...pasted.nodes], edges: [...edges, ...pasted.edges] });
    }
    case 'layout': {
      const nodes = model.nodes.map((n) => {
        const p = action.positions.get(n.id);
        return p ? { ...n, position: p, data: n.data.autoPosition ? { ...n.data, autoPosition: false } : n.data } : n;
      });
      return change(state, { ...model, nodes });
    }
    case 'select': {
      const nodes = model.nodes.map((n) => ((n.id === action.nodeId) === !!n.selected ? n : { ...n, selected: n.id === action.nodeId }));
      const edges = model.edges.map((e) => ((e.id === action.edgeId) === !!e.selected ? e : { ...e, selected: e.id === action.edgeId }));
      return { ...state, model: { ...model, nodes, edges } };
    }
    case 'undo': {
      const result = undo(state.history, model);
      return result.present === model ? state : { ...state, model: result.present, history: result.history, revision: state.revision + 1 };
    }
    case 'redo': {
      const result = redo(state.history, model);
      return result.present === model ? state : { ...state, model: result.present, history: result.history, revision: state.revision + 1 };
    }
    case 'saved': {
      const shell = action.version !== undefined && model.shell.version !== undefined ? { ...model.shell, version: action.version } : model.shell;
      return { ...state, model: shell === model.shell ? model : { ...model, shell }, savedRevision: action.revision };
    }
    default:
      return state;
  }
}
