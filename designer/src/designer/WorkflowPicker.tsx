import { useEffect, useState } from 'react';
import { api } from '../api/endpoints';
import type { DefinitionSummary } from '../api/types';

let cache: Promise<DefinitionSummary[]> | null = null;
let cachedAt = 0;

/** Definitions for the workflow-picker, fetched on first use and reused for a minute. */
function useDefinitions(): DefinitionSummary[] | undefined {
  const [list, setList] = useState<DefinitionSummary[]>();
  useEffect(() => {
    if (!cache || Date.now() - cachedAt > 60_000) {
      cachedAt = Date.now();
      cache = api.listDefinitions().catch(() => {
        cache = null;
        return [];
      });
    }
    let live = true;
    void cache.then((l) => live && setList(l));
    return () => {
      live = false;
    };
  }, []);
  return list;
}

export function WorkflowPicker({ id, label, value, onChange, disabled, exclude }: { id: string; label: string; value: string; onChange(v: string): void; disabled?: boolean; exclude?: string }) {
  const list = useDefinitions();
  const options = (list ?? []).filter((d) => d.definitionId !== exclude);
  return (
    <select id={id} aria-label={label} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
      <option value="">{list ? '— choose a workflow —' : 'Loading…'}</option>
      {value && !options.some((d) => d.definitionId === value) && <option value={value}>{value} (not found)</option>}
      {options.map((d) => (
        <option key={d.definitionId} value={d.definitionId}>
          {d.name} ({d.definitionId}){d.publishedVersion === undefined ? ' — not published' : ''}
        </option>
      ))}
    </select>
  );
}
