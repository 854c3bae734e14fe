import { useState } from 'react';
import { api } from '../api/endpoints';
import type { EscalationRecord } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { ErrorBox } from '../components/Feedback';

const levelNames: Record<number, string> = { 1: 'the resolution team', 2: 'a senior specialist', 3: 'operations leadership' };

/**
 * Flag (escalations.write) and Elevate (escalations.elevate) for a running escalation: each with the reason the
 * server requires; what the role may not do is not offered. After an action the page reloads the escalation.
 */
export function EscalationActions({ escalation, onDone }: { escalation: EscalationRecord; onDone(message: string): void }) {
  const auth = useAuth();
  const mayFlag = auth.can('escalations.write');
  const mayElevate = auth.can('escalations.elevate') && escalation.elevationLevel < 3;
  const [open, setOpen] = useState<'flag' | 'elevate'>();
  const [reason, setReason] = useState('');
  const [raise, setRaise] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  if (!mayFlag && !mayElevate) return null;

  function start(action: 'flag' | 'elevate') {
    setOpen(open === action ? undefined : action);
    setReason('');
    setRaise(false);
    setError(undefined);
  }

  async function submit() {
    setBusy(true);
    setError(undefined);
    try {
      if (open === 'flag') {
        await api.flagEscalation(escalation.id, { reason, raisePriority: raise });
        onDone(`${escalation.number} was flagged.`);
      } else {
        await api.elevateEscalation(escalation.id, { reason });
        onDone(`${escalation.number} was elevated to ${levelNames[escalation.elevationLevel + 1] ?? 'the next level'}.`);
      }
      setOpen(undefined);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="escalation-actions" data-testid="escalation-actions">
      <div className="row-actions">
        {mayFlag && (
          <button type="button" aria-expanded={open === 'flag'} onClick={() => start('flag')} data-testid="action-flag">
            Flag…
          </button>
        )}
        {mayElevate && (
          <button type="button" aria-expanded={open === 'elevate'} onClick={() => start('elevate')} data-testid="action-elevate">
            Elevate…
          </button>
        )}
      </div>
      {open && (
        <form
          className="card action-form"
          data-testid={`${open}-form`}
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label>
            {open === 'flag' ? 'Why flag it?' : `Why must it go to ${levelNames[escalation.elevationLevel + 1] ?? 'the next level'}?`}
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} required />
          </label>
          {open === 'flag' && (
            <label className="checkbox">
              <input type="checkbox" checked={raise} onChange={(e) => setRaise(e.target.checked)} /> Raise the priority one step
            </label>
          )}
          <ErrorBox error={error} title={open === 'flag' ? 'Could not flag it' : 'Could not elevate it'} />
          <div className="row-actions">
            <button type="submit" className="primary" disabled={busy || !reason.trim()}>
              {open === 'flag' ? 'Flag' : 'Elevate'}
            </button>
            <button type="button" onClick={() => setOpen(undefined)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
