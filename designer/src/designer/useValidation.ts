import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/client';
import { api } from '../api/endpoints';
import type { WorkflowDefinition } from '../api/types';
import type { MappedErrors } from '../lib/pointers';
import { mapErrors } from '../lib/pointers';

interface Result {
  text: string;
  valid: boolean;
  mapped?: MappedErrors;
  unavailable?: boolean;
}

/**
 * Validates the document on the server 400 ms after it stops changing and maps the errors' JSON pointers onto the
 * nodes and edges of the document that was sent. `valid` is true only for the document as it is now.
 */
export function useValidation(definition: WorkflowDefinition, activityIds: string[], edgeIds: string[], delay = 400) {
  const text = useMemo(() => JSON.stringify(definition), [definition]);
  const [result, setResult] = useState<Result>();
  useEffect(() => {
    const controller = new AbortController();
    const ids = activityIds;
    const edges = edgeIds;
    const sent = definition;
    const timer = setTimeout(() => {
      api.validate(sent, controller.signal).then(
        (r) => setResult({ text, valid: r.valid, mapped: mapErrors(r.errors ?? [], ids, edges) }),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          if (error instanceof ApiError && error.problem.errors) setResult({ text, valid: false, mapped: mapErrors(error.problem.errors, ids, edges) });
          else setResult({ text, valid: false, unavailable: true });
        },
      );
    }, delay);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // the text stands for the definition and its id lists
  }, [text]);
  const current = result?.text === text;
  return { pending: !current, valid: current && !!result?.valid, mapped: result?.mapped, unavailable: current && !!result?.unavailable, text };
}
