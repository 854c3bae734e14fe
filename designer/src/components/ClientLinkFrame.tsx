import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../api/client';
import { Loading } from './Feedback';

/** Headings for the ways a link stops working (the server's `detail` says the rest in plain words). */
const closedLinks: Record<string, string> = {
  'client-link-expired': 'This link has expired',
  'client-link-revoked': 'This link was withdrawn',
  'client-link-used': 'This link was already used',
  'client-link-invalid': 'This link does not work',
  'client-link-unusable': 'This link no longer works',
  'task-not-open': 'No answer is needed any more',
  'confirmation-closed': 'No answer is needed any more',
};

interface ClientLinkFrameProps {
  /** The page's test id. */
  testId: string;
  /** The server's answer once the client has answered: the page then only thanks them. */
  answer?: { message: string };
  /** What the thank-you says under the server's message. */
  answerNote: ReactNode;
  /** An answer refused because the link stopped working meanwhile. */
  closed?: ApiError;
  /** Loading what the link shows failed (401/410: the link does not work). */
  error: unknown;
  reload: () => void;
  loaded: boolean;
  loadingLabel: string;
  /** The page itself, once loaded. */
  children: ReactNode;
}

/**
 * The frame of the public pages a client reaches through a signed link: the brand, then the thank-you after an answer,
 * a plain heading when the link does not work (expired, withdrawn, used), an error with "Try again", loading, or the
 * page. Works on a phone.
 */
export function ClientLinkFrame({ testId, answer, answerNote, closed, error, reload, loaded, loadingLabel, children }: ClientLinkFrameProps) {
  const gone = closed ?? (error instanceof ApiError && (error.status === 401 || error.status === 410) ? error : undefined);
  return (
    <main className="client-page" data-testid={testId}>
      <header className="client-brand">EscalationFlows</header>
      {answer ? (
        <section className="card client-card" role="status" data-testid="client-done">
          <h1>Thank you</h1>
          <p>{answer.message}</p>
          <p className="muted">{answerNote}</p>
        </section>
      ) : gone ? (
        <section className="card client-card" role="alert" data-testid="client-closed" data-code={gone.problem.code ?? ''}>
          <h1>{closedLinks[gone.problem.code ?? ''] ?? 'This link does not work'}</h1>
          <p>{gone.problem.detail ?? gone.message}</p>
        </section>
      ) : error ? (
        <section className="card client-card" role="alert">
          <h1>Something went wrong</h1>
          <p>{errorMessage(error)}</p>
          <button type="button" onClick={reload}>
            Try again
          </button>
        </section>
      ) : !loaded ? (
        <Loading label={loadingLabel} />
      ) : (
        children
      )}
    </main>
  );
}
