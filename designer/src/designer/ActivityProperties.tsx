import { useEffect, useState } from 'react';
import type { ActivityDescriptor, ActivityJson, RetryPolicy } from '../api/types';
import { activityIdPattern } from '../lib/ids';
import type { ErrorTarget } from '../lib/pointers';
import { InputField } from './InputField';

export interface ActivityPropertiesProps {
  activity: ActivityJson;
  descriptor: ActivityDescriptor | undefined;
  takenIds: Set<string>;
  variables: string[];
  workflowInputs: string[];
  definitionId: string;
  errors: ErrorTarget[];
  readOnly: boolean;
  onUpdate(update: (activity: ActivityJson) => ActivityJson, key: string): void;
  onRename(to: string): void;
}

const noErrors: string[] = [];

export function ActivityProperties(props: ActivityPropertiesProps) {
  const { activity, descriptor, variables, workflowInputs, errors, readOnly, onUpdate } = props;
  const general = errors.filter((e) => e.input === undefined);
  const byInput = new Map<string, string[]>();
  for (const e of errors) if (e.input !== undefined) byInput.set(e.input, [...(byInput.get(e.input) ?? []), e.error.message]);
  const unknownInputs = Object.keys(activity.inputs ?? {}).filter((name) => !descriptor?.inputs.some((i) => i.name === name));

  return (
    <section className="panel-section" aria-labelledby="activity-props-title" data-testid="activity-properties">
      <h2 id="activity-props-title">{descriptor?.displayName ?? activity.type}</h2>
      {descriptor ? <p className="muted small">{descriptor.description}</p> : <p className="field-error">Unknown activity type “{activity.type}”: the server has no descriptor for it.</p>}
      {general.map((e, i) => (
        <p key={i} className="field-error" role="alert">
          {e.error.message}
        </p>
      ))}
      <fieldset disabled={readOnly} className="plain">
        <IdField {...props} />
        <div className="field">
          <label htmlFor="activity-name">Name</label>
          <input
            id="activity-name"
            value={activity.name ?? ''}
            maxLength={200}
            placeholder={activity.id}
            onChange={(e) =>
              onUpdate((a) => {
                const { name: _old, ...rest } = a;
                return e.target.value ? { ...rest, name: e.target.value } : rest;
              }, `name:${activity.id}`)
            }
          />
        </div>
        {descriptor && descriptor.inputs.length > 0 && <h3>Inputs</h3>}
        {descriptor?.inputs.map((input) => (
          <InputField
            key={`${activity.id}/${input.name}`}
            activity={activity}
            input={input}
            variables={variables}
            workflowInputs={workflowInputs}
            definitionId={props.definitionId}
            errors={byInput.get(input.name) ?? noErrors}
            disabled={readOnly}
            onUpdate={onUpdate}
          />
        ))}
        {unknownInputs.length > 0 && (
          <p className="field-warning">
            Inputs this activity does not declare: {unknownInputs.join(', ')}.{' '}
            {!readOnly && (
              <button
                type="button"
                className="link"
                onClick={() =>
                  onUpdate((a) => {
                    const inputs = Object.fromEntries(Object.entries(a.inputs ?? {}).filter(([k]) => !unknownInputs.includes(k)));
                    const { inputs: _i, ...rest } = a;
                    return Object.keys(inputs).length ? { ...rest, inputs } : rest;
                  }, `prune:${activity.id}`)
                }
              >
                Remove them
              </button>
            )}
          </p>
        )}
        {descriptor && descriptor.outputs.length > 0 && <OutputsEditor {...props} descriptor={descriptor} />}
        <RetryEditor activity={activity} onUpdate={onUpdate} />
      </fieldset>
    </section>
  );
}

function IdField({ activity, takenIds, onRename }: ActivityPropertiesProps) {
  const [draft, setDraft] = useState(activity.id);
  useEffect(() => setDraft(activity.id), [activity.id]);
  const problem = !activityIdPattern.test(draft) ? 'Letters, digits, _ and - only (up to 100).' : draft !== activity.id && takenIds.has(draft) ? 'Another activity has this id.' : undefined;
  const commit = () => {
    if (!problem && draft !== activity.id) onRename(draft);
    else if (problem) setDraft(activity.id);
  };
  return (
    <div className="field">
      <label htmlFor="activity-id">Id</label>
      <input
        id="activity-id"
        value={draft}
        aria-invalid={!!problem}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !problem && draft !== activity.id) onRename(draft);
          if (e.key === 'Escape') setDraft(activity.id);
        }}
      />
      {problem && <p className="field-error">{problem}</p>}
    </div>
  );
}

function OutputsEditor({ activity, descriptor, variables, onUpdate }: ActivityPropertiesProps & { descriptor: ActivityDescriptor }) {
  return (
    <>
      <h3>Outputs</h3>
      {descriptor.outputs.map((output) => {
        const current = activity.outputs?.[output.name] ?? '';
        return (
          <div className="field" key={output.name}>
            <label htmlFor={`output-${output.name}`}>{output.name} → variable</label>
            <select
              id={`output-${output.name}`}
              value={current}
              onChange={(e) =>
                onUpdate((a) => {
                  const outputs = { ...a.outputs };
                  if (e.target.value) outputs[output.name] = e.target.value;
                  else delete outputs[output.name];
                  const { outputs: _o, ...rest } = a;
                  return Object.keys(outputs).length ? { ...rest, outputs } : rest;
                }, `output:${activity.id}:${output.name}`)
              }
            >
              <option value="">— not stored —</option>
              {current && !variables.includes(current) && <option value={current}>{current} (not declared)</option>}
              {variables.map((v) => (
                <option key={v}>{v}</option>
              ))}
            </select>
            {output.description && <p className="muted small">{output.description}</p>}
          </div>
        );
      })}
    </>
  );
}

type RetryKey = keyof RetryPolicy;
const numeric: RetryKey[] = ['maxAttempts', 'backoffMultiplier', 'jitterRatio'];
const retryFields: { key: RetryKey; label: string; placeholder: string }[] = [
  { key: 'maxAttempts', label: 'Max attempts', placeholder: '3' },
  { key: 'delay', label: 'Delay', placeholder: 'PT30S' },
  { key: 'backoffMultiplier', label: 'Backoff multiplier', placeholder: '2' },
  { key: 'maxDelay', label: 'Max delay', placeholder: 'PT10M' },
  { key: 'jitterRatio', label: 'Jitter ratio', placeholder: '0.1' },
];

function RetryEditor({ activity, onUpdate }: { activity: ActivityJson; onUpdate: ActivityPropertiesProps['onUpdate'] }) {
  const retry = activity.retry;
  return (
    <details className="retry" open={!!retry}>
      <summary>Retry policy{retry ? ` (${retry.maxAttempts ?? 3} attempts)` : ''}</summary>
      <div className="grid-2">
        {retryFields.map(({ key, label, placeholder }) => (
          <label key={key}>
            {label}
            <input
              type={numeric.includes(key) ? 'number' : 'text'}
              step="any"
              placeholder={placeholder}
              value={retry?.[key] ?? ''}
              onChange={(e) =>
                onUpdate((a) => {
                  const next: Record<string, unknown> = { ...a.retry };
                  const raw = e.target.value;
                  if (raw === '') delete next[key];
                  else next[key] = numeric.includes(key) ? Number(raw) : raw;
                  const { retry: _r, ...rest } = a;
                  return Object.keys(next).length ? { ...rest, retry: next as RetryPolicy } : rest;
                }, `retry:${activity.id}:${key}`)
              }
            />
          </label>
        ))}
      </div>
    </details>
  );
}
