import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ReassignTaskRequest, Team, User } from '../api/types';

/** Gives a task to a user (who becomes its assignee) or a team (whose queue it joins), with a reason for the history. */
export function ReassignPanel({ teams, users, busy, onSubmit, onCancel }: {
  teams: readonly Team[];
  /** Known users (managers may list them); others type a user id. */
  users: readonly User[] | undefined;
  busy: boolean;
  onSubmit(body: ReassignTaskRequest): void;
  onCancel(): void;
}) {
  const [to, setTo] = useState<'team' | 'user'>('team');
  const [team, setTeam] = useState(teams[0]?.name ?? '');
  const [userId, setUserId] = useState('');
  const [reason, setReason] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const target = to === 'team' ? { team } : { userId: userId.trim() };
    onSubmit(reason.trim() ? { ...target, reason: reason.trim() } : target);
  }

  const ready = to === 'team' ? team !== '' : userId.trim() !== '';
  return (
    <form className="card task-panel" onSubmit={submit} aria-label="Reassign the task" data-testid="reassign-panel">
      <fieldset className="plain">
        <legend>Give the task to</legend>
        <label className="inline">
          <input type="radio" name="reassign-to" checked={to === 'team'} onChange={() => setTo('team')} /> a team
        </label>{' '}
        <label className="inline">
          <input type="radio" name="reassign-to" checked={to === 'user'} onChange={() => setTo('user')} /> a person
        </label>
      </fieldset>
      {to === 'team' ? (
        <label>
          Team
          <select value={team} onChange={(e) => setTeam(e.target.value)}>
            {teams.map((t) => (
              <option key={t.id} value={t.name}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      ) : users && users.length > 0 ? (
        <label>
          Person
          <select value={userId} onChange={(e) => setUserId(e.target.value)}>
            <option value="">Choose…</option>
            {users
              .filter((u) => !u.disabled)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName} ({u.email})
                </option>
              ))}
          </select>
        </label>
      ) : (
        <label>
          User id
          <input value={userId} onChange={(e) => setUserId(e.target.value)} placeholder="The person's user id" />
        </label>
      )}
      <label>
        Reason
        <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Why, for the task's history" />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !ready}>
          Reassign
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
