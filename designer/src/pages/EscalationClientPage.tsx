import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../api/client';
import { api } from '../api/endpoints';
import type { ClientAnswer } from '../api/types';
import { ClientLinkFrame } from '../components/ClientLinkFrame';
import { useApi } from '../components/useApi';

/**
 * What the client of an escalation sees through the signed link of its confirmation mail
 * (/escalations/{id}/client?token=…): where the escalation stands, the messages from the support team, and — while the
 * team waits for it — the question whether the fix works, answered with "Confirm" or "Not resolved" and a comment.
 * Public: the token is the credential. Works on a phone.
 */
export default function EscalationClientPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const view = useApi((signal) => api.escalationForClient(id, token, signal), [id, token]);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string>();
  const [closed, setClosed] = useState<ApiError>();
  const [answer, setAnswer] = useState<ClientAnswer>();
  const [busy, setBusy] = useState(false);

  async function send(kind: 'confirm' | 'reject') {
    if (kind === 'reject' && !comment.trim()) {
      setProblem('Please tell us what is still wrong, so the team can pick it up.');
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      setAnswer(await api.escalationClientAnswer(id, token, kind, comment.trim()));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 410)) setClosed(error);
      else if (error instanceof ApiError && error.status === 422) setProblem(error.problem.errors?.map((e) => e.message).join(' ') ?? error.problem.detail ?? error.message);
      else setProblem(`Your answer could not be sent: ${errorMessage(error)} Please try again.`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <ClientLinkFrame
      testId="escalation-client-page"
      answer={answer}
      answerNote="You can close this page."
      closed={closed}
      error={view.error}
      reload={view.reload}
      loaded={!!view.data}
      loadingLabel="Loading your escalation…"
    >
      {view.data && (
        <section className="card client-card" aria-labelledby="escalation-title">
          <p className="muted small">{view.data.number}</p>
          <h1 id="escalation-title">{view.data.title}</h1>
          <p data-testid="escalation-status">{view.data.status}</p>
          {view.data.question && (
            <form
              className="client-question"
              onSubmit={(event) => {
                event.preventDefault();
                void send('confirm');
              }}
            >
              <p>
                <strong>{view.data.question.text}</strong>
              </p>
              <label htmlFor="client-comment">Comment (required when it is not resolved)</label>
              <textarea id="client-comment" rows={4} maxLength={4000} value={comment} onChange={(event) => setComment(event.target.value)} />
              {problem && (
                <p role="alert" className="alert alert-warn" data-testid="client-problem">
                  {problem}
                </p>
              )}
              <p className="muted small">This link works until {new Date(view.data.question.expiresAt).toLocaleString()}.</p>
              <div className="actions">
                <button type="submit" disabled={busy}>
                  Confirm, it is resolved
                </button>
                <button type="button" disabled={busy} onClick={() => void send('reject')}>
                  Not resolved
                </button>
              </div>
            </form>
          )}
          {view.data.messages.length > 0 && (
            <section aria-label="Messages">
              <h2>Messages</h2>
              <ul className="client-messages">
                {view.data.messages.map((message, index) => (
                  <li key={index}>
                    <p className="muted small">
                      {message.from === 'you' ? 'You' : 'Support team'} · {new Date(message.at).toLocaleString()}
                    </p>
                    {message.subject && <p><strong>{message.subject}</strong></p>}
                    <p className="client-description">{message.body}</p>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </section>
      )}
    </ClientLinkFrame>
  );
}
