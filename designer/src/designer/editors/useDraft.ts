import { useEffect, useRef, useState } from 'react';
import type { JsonValue } from '../../api/types';

/**
 * Local editing state for a structured editor: starts from the stored value, is replaced when the stored value
 * changes from outside (undo, another node), and is committed only when `commit` returns a value to store.
 */
export function useDraft<T>(value: JsonValue | undefined, fromValue: (v: JsonValue | undefined) => T, toValue: (draft: T) => JsonValue | undefined) {
  const [draft, setDraft] = useState<T>(() => fromValue(value));
  const lastCommitted = useRef<string>(JSON.stringify(value ?? null));
  useEffect(() => {
    const incoming = JSON.stringify(value ?? null);
    if (incoming !== lastCommitted.current) {
      lastCommitted.current = incoming;
      setDraft(fromValue(value));
    }
    // fromValue is a pure parser; only a new stored value resets the draft
  }, [value]);
  function update(next: T, commit: (v: JsonValue | undefined) => void, valid = true) {
    setDraft(next);
    if (!valid) return;
    const stored = toValue(next);
    lastCommitted.current = JSON.stringify(stored ?? null);
    commit(stored);
  }
  return [draft, update] as const;
}

export interface EditorProps {
  id: string;
  label: string;
  value: JsonValue | undefined;
  onChange(value: JsonValue | undefined): void;
  disabled?: boolean;
}
