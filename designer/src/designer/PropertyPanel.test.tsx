// @vitest-environment happy-dom
import { useReducer } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { JsonValue, WorkflowDefinition } from '../api/types';
import { definitionToGraph, graphToDefinition } from '../lib/graph';
import { testDescriptors } from '../lib/__fixtures__/descriptors';
import rich from '../lib/__fixtures__/escalation-rich.json';
import { ActivityProperties } from './ActivityProperties';
import { DecisionTableEditor } from './editors/DecisionTableEditor';
import { FormFieldEditor } from './editors/FormFieldEditor';
import { designerReducer, initialState } from './state';

afterEach(cleanup);
const byType = new Map(testDescriptors.map((d) => [d.type, d]));

/** The property panel wired to the real designer state, with buttons to select nodes like a canvas click. */
function Harness({ onDefinition }: { onDefinition?: (d: WorkflowDefinition) => void }) {
  const [state, dispatch] = useReducer(designerReducer, rich as unknown as WorkflowDefinition, (d) => initialState(definitionToGraph(d)));
  onDefinition?.(graphToDefinition(state.model));
  const selected = state.model.nodes.find((n) => n.selected);
  return (
    <>
      <button type="button" onClick={() => dispatch({ type: 'select', nodeId: 'log1' })}>select log1</button>
      <button type="button" onClick={() => dispatch({ type: 'select', nodeId: 'start' })}>select start</button>
      <button type="button" onClick={() => dispatch({ type: 'undo' })}>undo</button>
      {selected && (
        <ActivityProperties
          activity={selected.data.activity}
          descriptor={byType.get(selected.data.activity.type)}
          takenIds={new Set(state.model.nodes.map((n) => n.id))}
          variables={(state.model.shell.variables ?? []).map((v) => v.name)}
          workflowInputs={(state.model.shell.inputs ?? []).map((i) => i.name)}
          definitionId={state.model.shell.definitionId}
          errors={[]}
          readOnly={false}
          onUpdate={(update, key) => dispatch({ type: 'updateActivity', id: selected.id, update, key })}
          onRename={(to) => dispatch({ type: 'renameActivity', from: selected.id, to })}
        />
      )}
    </>
  );
}

describe('property panel', () => {
  it('remembers a cleared input’s expression type across deselect and reselect', async () => {
    const user = userEvent.setup();
    let latest: WorkflowDefinition | undefined;
    render(<Harness onDefinition={(d) => (latest = d)} />);
    await user.click(screen.getByRole('button', { name: 'select log1' }));
    const type = screen.getByLabelText('Expression type for Message');
    expect(type).toHaveProperty('value', 'template');
    await user.selectOptions(type, 'javascript');
    const message = screen.getByLabelText(/^Message/, { selector: 'textarea' });
    await user.clear(message);
    await user.click(screen.getByRole('button', { name: 'select start' }));
    expect(screen.queryByLabelText('Expression type for Message')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'select log1' }));
    expect(screen.getByLabelText('Expression type for Message')).toHaveProperty('value', 'javascript');
    const log = latest!.root.activities.find((a) => a.id === 'log1')!;
    expect(log.inputs?.message).toBeUndefined();
    expect(log.metadata?.designer?.expressionTypes).toEqual({ message: 'javascript' });
    await user.type(screen.getByLabelText(/^Message/, { selector: 'textarea' }), 'ticket.id');
    expect(latest!.root.activities.find((a) => a.id === 'log1')!.inputs?.message).toEqual({ expression: { type: 'javascript', value: 'ticket.id' } });
  });

  it('offers only Literal for an input that takes no expressions', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'select log1' }));
    expect(screen.queryByLabelText('Expression type for Level')).toBeNull();
    expect(within(screen.getByTestId('field-level')).getByText('Literal')).toBeTruthy();
  });

  it('typing a name is one undo step', async () => {
    const user = userEvent.setup();
    let latest: WorkflowDefinition | undefined;
    render(<Harness onDefinition={(d) => (latest = d)} />);
    await user.click(screen.getByRole('button', { name: 'select log1' }));
    await user.type(screen.getByLabelText('Name'), 'Audit');
    expect(latest!.root.activities.find((a) => a.id === 'log1')!.name).toBe('Audit');
    await user.click(screen.getByRole('button', { name: 'undo' }));
    expect(latest!.root.activities.find((a) => a.id === 'log1')!.name).toBeUndefined();
  });

  it('renames an activity through the id field', async () => {
    const user = userEvent.setup();
    let latest: WorkflowDefinition | undefined;
    render(<Harness onDefinition={(d) => (latest = d)} />);
    await user.click(screen.getByRole('button', { name: 'select log1' }));
    const id = screen.getByLabelText('Id');
    await user.clear(id);
    await user.type(id, 'route{Enter}');
    expect(screen.getByText('Another activity has this id.')).toBeTruthy();
    await user.clear(id);
    await user.type(id, 'audit{Enter}');
    expect(latest!.root.connections!.some((c) => c.source.activity === 'audit')).toBe(true);
  });
});

describe('structured editors', () => {
  it('the decision table writes the rules array as the user types', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn<(v: JsonValue | undefined) => void>();
    render(<DecisionTableEditor id="dt" label="Rules" value={undefined} onChange={onChange} />);
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    await user.type(screen.getByLabelText('Rule 1 Priority'), 'P1');
    await user.type(screen.getByLabelText('Rule 1 Team'), 'desk');
    expect(onChange).toHaveBeenLastCalledWith([{ priority: 'P1', team: 'desk' }]);
  });

  it('the form-field editor produces a JSON Schema and uiSchema', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn<(v: JsonValue | undefined) => void>();
    render(<FormFieldEditor id="f" label="Form" value={undefined} onChange={onChange} />);
    await user.click(screen.getByRole('button', { name: 'Add field' }));
    const field = screen.getByRole('group', { name: 'Field 1' });
    await user.clear(within(field).getByLabelText('Name'));
    await user.type(within(field).getByLabelText('Name'), 'severity');
    await user.selectOptions(within(field).getByLabelText('Type'), 'enum');
    await user.clear(within(field).getByLabelText('Options (one per line)'));
    await user.type(within(field).getByLabelText('Options (one per line)'), 'low{Enter}high');
    await user.click(within(field).getByLabelText('Required'));
    await user.type(within(field).getByLabelText('Help text'), 'How bad');
    expect(onChange).toHaveBeenLastCalledWith({
      schema: { type: 'object', properties: { severity: { type: 'string', enum: ['low', 'high'] } }, required: ['severity'] },
      uiSchema: { 'ui:order': ['severity'], severity: { 'ui:help': 'How bad' } },
    });
  });
});
