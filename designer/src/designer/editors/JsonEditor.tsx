import { useEffect, useState } from 'react';
import type { JsonValue } from '../../api/types';
import type { EditorProps } from './useDraft';

/** A JSON text area: commits parsed JSON, shows the parse error while the text is not JSON. */
export function JsonEditor({ id, label, value, onChange, disabled, rows = 6, allowText = false }: EditorProps & { rows?: number; allowText?: boolean }) {
  const show = (v: JsonValue | undefined) => (v === undefined ? '' : allowText && typeof v === 'string' ? v : JSON.stringify(v, null, 2));
  const [text, setText] = useState(show(value));
  const [error, setError] = useState<string>();
  useEffect(() => {
    let current: JsonValue | undefined;
    try {
      current = text.trim() === '' ? undefined : (JSON.parse(text) as JsonValue);
    } catch {
      current = allowText ? text : undefined;
    }
    if (JSON.stringify(current) !== JSON.stringify(value)) {
      setText(show(value));
      setError(undefined);
    }
    // only an outside change of the value replaces the text
  }, [value]);
  return (
    <>
      <textarea
        id={id}
        aria-label={label}
        className="code"
        rows={rows}
        value={text}
        disabled={disabled}
        spellCheck={false}
        aria-invalid={!!error}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          if (next.trim() === '') {
            setError(undefined);
            onChange(undefined);
            return;
          }
          try {
            onChange(JSON.parse(next) as JsonValue);
            setError(undefined);
          } catch (err) {
            if (allowText) {
              setError(undefined);
              onChange(next);
            } else setError(err instanceof Error ? err.message : 'Not JSON');
          }
        }}
      />
      {error && <p className="field-error">Not valid JSON: {error}</p>}
    </>
  );
}
