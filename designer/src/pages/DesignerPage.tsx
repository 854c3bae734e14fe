import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import type { Connection, EdgeChange, NodeChange } from '@xyflow/react';
import { ApiError, errorMessage } from '../api/client';
import { api } from '../api/endpoints';
import type { ActivityDescriptor, ActivityJson, DefinitionVersion } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { DescriptorContext, descriptorMap } from '../canvas/DescriptorContext';
import { decorateEdges, decorateNodes } from '../canvas/decorate';
import type { EdgeDecoration, NodeDecoration } from '../canvas/decorate';
import { FlowCanvas } from '../canvas/FlowCanvas';
import { downloadJson } from '../components/download';
import { ErrorBox, Loading, StatusBadge } from '../components/Feedback';
import { useApi } from '../components/useApi';
import { ActivityProperties } from '../designer/ActivityProperties';
import { ConnectionProperties } from '../designer/ConnectionProperties';
import { Palette, dragMime } from '../designer/Palette';
import type { DesignerAction } from '../designer/state';
import { designerReducer, initialState } from '../designer/state';
import { useValidation } from '../designer/useValidation';
import { ValidationList } from '../designer/ValidationList';
import { WorkflowProperties } from '../designer/WorkflowProperties';
import type { ClipboardContent } from '../lib/clipboard';
import { copySelection, parseClipboard } from '../lib/clipboard';
import type { ActivityFlowNode, ConnectionFlowEdge, WorkflowShell } from '../lib/graph';
import { definitionToGraph, graphToDefinition, nodeHeight, nodeWidth } from '../lib/graph';
import { canRedo, canUndo } from '../lib/history';
import { portsOf } from '../lib/ports';
import type { MappedErrors } from '../lib/pointers';
import { mapErrors } from '../lib/pointers';
import { loadDesignerData, takePrefetchedDesignerData } from './prefetch';

export default function DesignerPage() {
  const { id = '' } = useParams();
  const [prefetched] = useState(() => takePrefetchedDesignerData(id));
  const loaded = useApi((signal) => loadDesignerData(id, signal), [id], prefetched);
  if (loaded.error) {
    const notFound = loaded.error instanceof ApiError && loaded.error.status === 404;
    return notFound ? (
      <section>
        <h1>Workflow not found</h1>
        <p>
          There is no workflow with the id <code>{id}</code>. <Link to="/workflows">Back to the list</Link>
        </p>
      </section>
    ) : (
      <ErrorBox error={loaded.error} title="Could not open the workflow" />
    );
  }
  if (!loaded.data) return <Loading label="Opening the workflow…" />;
  performance.mark('studio:designer-data');
  const [version, descriptors] = loaded.data;
  return (
    <ReactFlowProvider>
      <DesignerEditor key={`${version.definitionId}@${version.version}`} initial={version} descriptors={descriptors} />
    </ReactFlowProvider>
  );
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
let memoryClipboard: ClipboardContent | null = null;

function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function DesignerEditor({ initial, descriptors }: { initial: DefinitionVersion; descriptors: ActivityDescriptor[] }) {
  const auth = useAuth();
  const readOnly = !auth.can('definitions.edit');
  const canPublish = auth.can('definitions.publish');
  const flow = useReactFlow<ActivityFlowNode, ConnectionFlowEdge>();
  const [state, dispatch] = useReducer(designerReducer, initial.definition, (d) => initialState(definitionToGraph(d)));
  const [versionInfo, setVersionInfo] = useState(initial);
  const [busy, setBusy] = useState<'saving' | 'publishing' | 'retracting' | 'layout' | null>(null);
  const [actionError, setActionError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const [serverErrors, setServerErrors] = useState<MappedErrors>();
  const { model } = state;
  const dirty = state.revision !== state.savedRevision;
  const descriptorsByType = useMemo(() => descriptorMap(descriptors), [descriptors]);

  const definition = useMemo(() => graphToDefinition(model), [model]);
  const activityIds = useMemo(() => model.nodes.map((n) => n.id), [model.nodes]);
  const edgeIds = useMemo(() => model.edges.map((e) => e.id), [model.edges]);
  const validation = useValidation(definition, activityIds, edgeIds);
  const mapped = validation.mapped ?? serverErrors;

  // Ports that connections use but the descriptor does not list still get a handle, so no edge is lost.
  const extraPorts = useMemo(() => {
    const byNode = new Map<string, ActivityFlowNode>(model.nodes.map((n) => [n.id, n]));
    const extra = new Map<string, string[]>();
    const known = new Map<string, string[]>();
    for (const edge of model.edges) {
      const node = byNode.get(edge.source);
      if (!node) continue;
      let ports = known.get(node.id);
      if (!ports) known.set(node.id, (ports = portsOf(descriptorsByType.get(node.data.activity.type), node.data.activity)));
      const port = edge.sourceHandle ?? 'Done';
      if (!ports.includes(port)) extra.set(node.id, [...new Set([...(extra.get(node.id) ?? []), port])]);
    }
    return extra;
  }, [model.nodes, model.edges, descriptorsByType]);

  const nodeDecorations = useMemo(() => {
    const map = new Map<string, NodeDecoration>();
    for (const [nodeId, targets] of mapped?.byNode ?? []) map.set(nodeId, { errors: targets.map((t) => (t.input ? `${t.input}: ` : '') + t.error.message) });
    for (const [nodeId, ports] of extraPorts) map.set(nodeId, { ...map.get(nodeId), extraPorts: ports });
    return map;
  }, [mapped, extraPorts]);
  const edgeDecorations = useMemo(() => {
    const map = new Map<string, EdgeDecoration>();
    for (const [edgeId, targets] of mapped?.byEdge ?? []) map.set(edgeId, { errors: targets.map((t) => t.error.message) });
    return map;
  }, [mapped]);
  const nodes = useMemo(() => decorateNodes(model.nodes, nodeDecorations), [model.nodes, nodeDecorations]);
  const edges = useMemo(() => decorateEdges(model.edges, edgeDecorations), [model.edges, edgeDecorations]);

  const onNodesChange = useCallback((changes: NodeChange<ActivityFlowNode>[]) => dispatch({ type: 'nodesChange', changes }), []);
  const onEdgesChange = useCallback((changes: EdgeChange<ConnectionFlowEdge>[]) => dispatch({ type: 'edgesChange', changes }), []);
  const onConnect = useCallback((connection: Connection) => dispatch({ type: 'connect', connection }), []);
  const onUpdateShell = useCallback((update: (s: WorkflowShell) => WorkflowShell, key: string) => dispatch({ type: 'updateShell', update, key }), []);

  const addAt = useCallback(
    (descriptor: ActivityDescriptor, position: { x: number; y: number }) => dispatch({ type: 'addActivity', descriptor, position: { x: Math.round(position.x), y: Math.round(position.y) } }),
    [],
  );
  const addFromPalette = useCallback(
    (descriptor: ActivityDescriptor) => {
      const pane = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
      const center = pane ? flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 }) : { x: 100, y: 100 };
      addAt(descriptor, { x: center.x - nodeWidth / 2, y: center.y - 30 });
    },
    [flow, addAt],
  );
  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const descriptor = descriptorsByType.get(event.dataTransfer.getData(dragMime));
      if (!descriptor || readOnly) return;
      const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addAt(descriptor, { x: p.x - nodeWidth / 2, y: p.y - 20 });
    },
    [flow, descriptorsByType, addAt, readOnly],
  );
  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(dragMime)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
    }
  }, []);

  const save = useCallback(async (): Promise<DefinitionVersion | null> => {
    if (readOnly) return null;
    setBusy('saving');
    setActionError(undefined);
    setNotice(undefined);
    const revision = state.revision;
    try {
      const saved = await api.saveDefinition(definition);
      setVersionInfo(saved);
      setServerErrors(undefined);
      dispatch({ type: 'saved', revision, version: saved.version });
      setNotice(`Saved as version ${saved.version}.`);
      return saved;
    } catch (error) {
      if (error instanceof ApiError && error.problem.errors) setServerErrors(mapErrors(error.problem.errors, activityIds, edgeIds));
      setActionError(error);
      return null;
    } finally {
      setBusy(null);
    }
  }, [readOnly, state.revision, definition, activityIds, edgeIds]);

  const publish = useCallback(async () => {
    if (!canPublish || !validation.valid) return;
    let target = versionInfo;
    if (dirty) {
      const saved = await save();
      if (!saved) return;
      target = saved;
    }
    setBusy('publishing');
    setActionError(undefined);
    try {
      await api.publish(target.definitionId, target.version);
      setVersionInfo({ ...target, status: 'published', isPublished: true });
      setNotice(`Version ${target.version} is published.`);
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(null);
    }
  }, [canPublish, validation.valid, versionInfo, dirty, save]);

  const retract = useCallback(async () => {
    setBusy('retracting');
    setActionError(undefined);
    try {
      await api.retract(versionInfo.definitionId);
      setVersionInfo({ ...versionInfo, status: 'retracted', isPublished: false });
      setNotice('The published version was retracted.');
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(null);
    }
  }, [versionInfo]);

  const autoLayout = useCallback(async () => {
    setBusy('layout');
    try {
      const { layoutGraph } = await import('../lib/layout');
      const positions = await layoutGraph(
        model.nodes.map((n) => {
          const ports = [...portsOf(descriptorsByType.get(n.data.activity.type), n.data.activity), ...(extraPorts.get(n.id) ?? [])];
          return { id: n.id, ports, width: n.measured?.width ?? nodeWidth, height: n.measured?.height ?? nodeHeight(ports.length) };
        }),
        model.edges.map((e) => ({ id: e.id, source: e.source, sourcePort: e.sourceHandle ?? 'Done', target: e.target })),
      );
      dispatch({ type: 'layout', positions });
      requestAnimationFrame(() => void flow.fitView({ duration: 200 }));
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(null);
    }
  }, [model.nodes, model.edges, descriptorsByType, extraPorts, flow]);

  const stateRef = useRef(state);
  stateRef.current = state;
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const mod = isMac ? event.metaKey : event.ctrlKey;
      const key = event.key.toLowerCase();
      if (mod && key === 's') {
        event.preventDefault();
        void saveRef.current();
        return;
      }
      if (readOnly || isTextTarget(event.target)) return;
      const act = (action: DesignerAction) => {
        event.preventDefault();
        dispatch(action);
      };
      if (mod && key === 'z') act({ type: event.shiftKey ? 'redo' : 'undo' });
      else if (mod && key === 'y') act({ type: 'redo' });
      else if (mod && key === 'c') {
        const content = copySelection(stateRef.current.model.nodes, stateRef.current.model.edges);
        if (content) {
          memoryClipboard = content;
          void navigator.clipboard?.writeText(JSON.stringify(content)).catch(() => undefined);
        }
      } else if (mod && key === 'v') {
        if (memoryClipboard) act({ type: 'paste', content: memoryClipboard });
      } else if (key === 'delete' || key === 'backspace') act({ type: 'deleteSelection' });
    }
    function onPaste(event: ClipboardEvent) {
      // A copy from another tab or window arrives only through the system clipboard.
      if (readOnly || isTextTarget(event.target) || memoryClipboard) return;
      const content = parseClipboard(event.clipboardData?.getData('text/plain') ?? '');
      if (content) {
        event.preventDefault();
        dispatch({ type: 'paste', content });
      }
    }
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('paste', onPaste);
    };
  }, [readOnly]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const selectedNodes = model.nodes.filter((n) => n.selected);
  const selected = selectedNodes.length === 1 ? selectedNodes[0] : undefined;
  const selectedEdges = selectedNodes.length === 0 ? model.edges.filter((e) => e.selected) : [];
  const selectedEdge = selectedEdges.length === 1 ? selectedEdges[0] : undefined;
  const selectedId = selected?.id;
  const onUpdateSelected = useMemo(
    () => (update: (a: ActivityJson) => ActivityJson, key: string) => {
      if (selectedId) dispatch({ type: 'updateActivity', id: selectedId, update, key });
    },
    [selectedId],
  );
  const variables = useMemo(() => (model.shell.variables ?? []).map((v) => v.name), [model.shell.variables]);
  const workflowInputs = useMemo(() => (model.shell.inputs ?? []).map((i) => i.name), [model.shell.inputs]);
  const takenIds = useMemo(() => new Set(activityIds), [activityIds]);
  const onPick = useCallback((nodeId?: string, edgeId?: string) => {
    dispatch({ type: 'select', nodeId, edgeId });
    if (nodeId) void flow.fitView({ nodes: [{ id: nodeId }], duration: 200, maxZoom: 1.2 });
  }, [flow]);
  const mod = isMac ? '⌘' : 'Ctrl+';
  // Tables and form fields need room: the panel widens while such an activity is selected.
  const wide = !!selected && !!descriptorsByType.get(selected.data.activity.type)?.inputs.some((i) => i.uiHint === 'decision-table' || i.uiHint === 'form-designer');
  const publishBlocked = !validation.valid;

  return (
    <DescriptorContext.Provider value={descriptorsByType}>
      <div className="designer" data-testid="designer">
        <div className="toolbar" role="toolbar" aria-label="Workflow">
          <div className="toolbar-title">
            <h1>{model.shell.name || model.shell.definitionId}</h1>
            <span className="muted">v{versionInfo.version}</span> <StatusBadge status={versionInfo.status} />
            <span className="muted small" data-testid="save-state">
              {dirty ? 'Unsaved changes' : 'All changes saved'}
            </span>
          </div>
          <div className="toolbar-actions">
            {!readOnly && (
              <>
                <button type="button" onClick={() => dispatch({ type: 'undo' })} disabled={!canUndo(state.history)} title={`${mod}Z`}>
                  Undo
                </button>
                <button type="button" onClick={() => dispatch({ type: 'redo' })} disabled={!canRedo(state.history)} title={`${mod}Shift+Z`}>
                  Redo
                </button>
                <button type="button" onClick={() => void autoLayout()} disabled={busy !== null}>
                  Auto layout
                </button>
              </>
            )}
            <button type="button" onClick={() => void flow.fitView({ duration: 200 })}>
              Zoom to fit
            </button>
            <button type="button" onClick={() => downloadJson(`${model.shell.definitionId}.json`, definition)}>
              Export JSON
            </button>
            <Link to={`/workflows/${encodeURIComponent(model.shell.definitionId)}/versions`} className="button">
              History
            </Link>
            {!readOnly && (
              <button type="button" className="primary" onClick={() => void save()} disabled={busy !== null} title={`${mod}S`} data-testid="save">
                {busy === 'saving' ? 'Saving…' : 'Save draft'}
              </button>
            )}
            {canPublish && (
              <button
                type="button"
                className="primary"
                onClick={() => void publish()}
                disabled={busy !== null || publishBlocked || (versionInfo.isPublished && !dirty)}
                title={publishBlocked ? 'Fix the problems first' : undefined}
                data-testid="publish"
              >
                {busy === 'publishing' ? 'Publishing…' : dirty ? 'Save and publish' : 'Publish'}
              </button>
            )}
            {canPublish && versionInfo.isPublished && !dirty && (
              <button type="button" onClick={() => void retract()} disabled={busy !== null} data-testid="retract">
                Retract
              </button>
            )}
          </div>
        </div>
        {notice && (
          <p role="status" className="alert alert-ok">
            {notice}
          </p>
        )}
        {actionError !== undefined && <ErrorBox error={actionError} title={errorMessage(actionError) ? 'Could not do that' : 'Error'} />}
        <div className={`designer-body${readOnly ? ' read-only' : ''}${wide ? ' wide-panel' : ''}`}>
          {!readOnly && <Palette descriptors={descriptors} onAdd={addFromPalette} />}
          <div className="canvas-wrap" onDrop={onDrop} onDragOver={onDragOver}>
            <FlowCanvas nodes={nodes} edges={edges} readOnly={readOnly} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} onConnect={onConnect} />
          </div>
          <aside className="properties" aria-label="Properties" data-testid="properties">
            {selected ? (
              <ActivityProperties
                activity={selected.data.activity}
                descriptor={descriptorsByType.get(selected.data.activity.type)}
                takenIds={takenIds}
                variables={variables}
                workflowInputs={workflowInputs}
                definitionId={model.shell.definitionId}
                errors={mapped?.byNode.get(selected.id) ?? []}
                readOnly={readOnly}
                onUpdate={onUpdateSelected}
                onRename={(to) => dispatch({ type: 'renameActivity', from: selected.id, to })}
              />
            ) : selectedEdge ? (
              <ConnectionProperties
                edge={selectedEdge}
                errors={mapped?.byEdge.get(selectedEdge.id) ?? []}
                readOnly={readOnly}
                onStraighten={() => dispatch({ type: 'updateEdge', id: selectedEdge.id, update: ({ vertices: _v, ...rest }) => rest })}
                onDelete={() => dispatch({ type: 'deleteSelection' })}
              />
            ) : (
              <WorkflowProperties shell={model.shell} errors={mapped?.general ?? []} readOnly={readOnly} onUpdate={onUpdateShell} />
            )}
            <ValidationList mapped={mapped} pending={validation.pending} unavailable={validation.unavailable} onPick={onPick} />
          </aside>
        </div>
      </div>
    </DescriptorContext.Provider>
  );
}
