import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../api/client';
import { api } from '../api/endpoints';
import type { ClientAnswer } from '../api/types';
import { Loading } from '../components/Feedback';
import { useApi } from '../components/useApi';

/** Headings for the ways a link stops working (the server's `detail` says the rest in plain words). */
const closedLinks: Record<string, string> = {
  'client-link-expired': 'This link has expired',
  'client-link-revoked': 'This link was withdrawn',
  'client-link-used': 'This link was already used',
  'client-link-invalid': 'This link does not work',
  'client-link-unusable': 'This link no longer works',
  'confirmation-closed': 'No answer is needed any more',
};

/**
 * What the client of an escalation sees through the signed link the lifecycle mails them
 * (/client/escalations/{id}?token=…): where their escalation stands and the messages, in plain words, and — while the
 * team waits for them — "Yes, it is resolved" or "No, it is not resolved" with a comment. Public: the token is the
 * credential. Made for a phone.
 */
export default function EscalationClientPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const view = useApi((signal) => api.clientEscalation(id, token, signal), [id, token]);
  const [mode, setMode] = useState<'confirm' | 'reject'>();
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string>();
  const [closed, setClosed] = useState<ApiError>();
  const [answer, setAnswer] = useState<ClientAnswer>();
  const [busy, setBusy] = useState(false);

  async function send(outcome: 'confirm' | 'reject') {
    if (outcome === 'reject' && !comment.trim()) {
      setProblem('Please tell us what is still wrong, so the team can pick it up.');
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const body = comment.trim() ? { comment: comment.trim() } : {};
      setAnswer(outcome === 'confirm' ? await api.confirmEscalation(id, token, body) : await api.rejectEscalation(id, token, body));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 410)) setClosed(error);
      else if (error instanceof ApiError && error.status === 422) setProblem(error.problem.errors?.map((e) => e.message).join(' ') || errorMessage(error));
      else setProblem(`Your answer could not be sent: ${errorMessage(error)} Please try again.`);
    } finally {
      setBusy(false);
    }
  }

  const gone = closed ?? (view.error instanceof ApiError && (view.error.status === 401 || view.error.status === 410) ? view.error : undefined);
  const data = view.data;
  return (
    <main className="client-page" data-testid="escalation-client-page">
      <header className="client-brand">EscalationFlows</header>
      {answer ? (
        <section className="card client-card" role="status" data-testid="client-done" data-outcome={answer.outcome}>
          <h1>Thank you</h1>
          <p>{answer.message}</p>
          <p className="muted">You can close this page.</p>
        </section>
      ) : gone ? (
        <section className="card client-card" role="alert" data-testid="client-closed" data-code={gone.problem.code ?? ''}>
          <h1>{closedLinks[gone.problem.code ?? ''] ?? 'This link does not work'}</h1>
          <p>{gone.problem.detail ?? gone.message}</p>
        </section>
      ) : view.error ? (
        <section className="card client-card" role="alert">
          <h1>Something went wrong</h1>
          <p>{errorMessage(view.error)}</p>
          <button type="button" onClick={view.reload}>
            Try again
          </button>
        </section>
      ) : !data ? (
        <Loading label="Loading your escalation…" />
      ) : (
        <>
          <section className="card client-card" aria-labelledby="client-title">
            <p className="muted small">{data.number}</p>
            <h1 id="client-title">{data.title}</h1>
            <p className="client-status" data-testid="client-status">
              {data.status}
            </p>
            <p className="muted small">Last update {new Date(data.updatedAt).toLocaleString()}</p>
          </section>
          {data.question && (
            <section className="card client-card client-question" aria-labelledby="question-title" data-testid="client-question">
              <h2 id="question-title">{data.question.text}</h2>
              {problem && (
                <p role="alert" className="alert alert-warn" data-testid="client-problem">
                  {problem}
                </p>
              )}
              {mode === 'reject' ? (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    void send('reject');
                  }}
                >
                  <label>
                    What is still wrong?
                    <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={4} required autoFocus />
                  </label>
                  <div className="outcomes">
                    <button type="submit" className="primary" disabled={busy}>
                      Send: not resolved
                    </button>
                    <button type="button" disabled={busy} onClick={() => setMode(undefined)}>
                      Back
                    </button>
                  </div>
                </form>
              ) : (
                <>
                  <label>
                    Anything else we should know? (optional)
                    <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={3} />
                  </label>
                  <div className="outcomes">
                    <button type="button" className="primary" disabled={busy} onClick={() => void send('confirm')}>
                      Yes, it is resolved
                    </button>
                    <button type="button" disabled={busy} onClick={() => { setProblem(undefined); setMode('reject'); }}>
                      No, it is not resolved
                    </button>
                  </div>
                </>
              )}
              <p className="muted small">This link works until {new Date(data.question.expiresAt).toLocaleString()}.</p>
            </section>
          )}
          <section className="card client-card" aria-labelledby="messages-title" data-testid="client-messages">
            <h2 id="messages-title">Messages</h2>
            {data.messages.length === 0 ? (
              <p className="muted">No messages yet.</p>
            ) : (
              <ol className="client-messages">
                {data.messages.map((m, i) => (
                  <li key={i} className={m.from === 'you' ? 'from-you' : 'from-us'}>
                    <div className="muted small">
                      {m.from === 'you' ? 'You' : 'Our team'} · {new Date(m.at).toLocaleString()}
                    </div>
                    {m.subject && <strong>{m.subject}</strong>}
                    <div className="message-body">{m.body}</div>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </main>
  );
}
