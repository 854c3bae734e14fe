import { lazy, Suspense, useState } from 'react';
import type { ErrorSchema } from '@rjsf/utils';
import { useParams } from 'react-router';
import { ApiError, errorMessage } from '../api/client';
import { api } from '../api/endpoints';
import type { ClientAnswer, JsonObject } from '../api/types';
import { Loading } from '../components/Feedback';
import { useApi } from '../components/useApi';
import { mapFormErrors, withoutFieldErrors } from '../lib/formErrors';
import { humanize } from '../lib/humanize';

const TaskForm = lazy(() => import('../tasks/TaskForm'));

/** Headings for the ways a link stops working (the server's `detail` says the rest in plain words). */
const closedLinks: Record<string, string> = {
  'client-link-expired': 'This link has expired',
  'client-link-revoked': 'This link was withdrawn',
  'client-link-used': 'This link was already used',
  'client-link-invalid': 'This link does not work',
  'client-link-unusable': 'This link no longer works',
  'task-not-open': 'No answer is needed any more',
};

/**
 * What a client without an account sees through a signed link (/client/{token}): the request in plain words, its
 * form and the answers to choose from. Public: the token is the credential. Works on a phone.
 */
export default function ClientPage() {
  const { token = '' } = useParams();
  const request = useApi((signal) => api.clientRequest(token, signal), [token]);
  const [data, setData] = useState<JsonObject>({});
  const [errors, setErrors] = useState<ErrorSchema>({});
  const [focus, setFocus] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [closed, setClosed] = useState<ApiError>();
  const [answer, setAnswer] = useState<ClientAnswer>();
  const [busy, setBusy] = useState(false);

  async function respond(outcome: string) {
    setBusy(true);
    setProblem(undefined);
    setErrors({});
    try {
      setAnswer(await api.clientRespond(token, { outcome, data }));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 410 || error.status === 409)) setClosed(error);
      else if (error instanceof ApiError && error.status === 422) {
        const mapped = mapFormErrors(error.problem.errors ?? []);
        setErrors(mapped.errorSchema);
        setFocus(mapped.fieldIds[0]);
        setProblem(mapped.general.length ? mapped.general.join(' ') : 'Please check the fields marked below.');
      } else setProblem(`Your answer could not be sent: ${errorMessage(error)} Please try again.`);
    } finally {
      setBusy(false);
    }
  }

  const gone = closed ?? (request.error instanceof ApiError && (request.error.status === 401 || request.error.status === 410) ? request.error : undefined);
  return (
    <main className="client-page" data-testid="client-page">
      <header className="client-brand">EscalationFlows</header>
      {answer ? (
        <section className="card client-card" role="status" data-testid="client-done">
          <h1>Thank you</h1>
          <p>{answer.message}</p>
          <p className="muted">You answered “{humanize(answer.outcome)}”. You can close this page.</p>
        </section>
      ) : gone ? (
        <section className="card client-card" role="alert" data-testid="client-closed" data-code={gone.problem.code ?? ''}>
          <h1>{closedLinks[gone.problem.code ?? ''] ?? 'This link does not work'}</h1>
          <p>{gone.problem.detail ?? gone.message}</p>
        </section>
      ) : request.error ? (
        <section className="card client-card" role="alert">
          <h1>Something went wrong</h1>
          <p>{errorMessage(request.error)}</p>
          <button type="button" onClick={request.reload}>
            Try again
          </button>
        </section>
      ) : !request.data ? (
        <Loading label="Loading your request…" />
      ) : (
        <section className="card client-card" aria-labelledby="client-title">
          <h1 id="client-title">{request.data.title}</h1>
          {request.data.description && <p className="client-description">{request.data.description}</p>}
          <p className="muted small">
            {request.data.dueAt && <>Please answer by {new Date(request.data.dueAt).toLocaleString()}. </>}
            This link works until {new Date(request.data.expiresAt ?? '').toLocaleString()}.
          </p>
          {problem && (
            <p role="alert" className="alert alert-warn" data-testid="client-problem">
              {problem}
            </p>
          )}
          <Suspense fallback={<Loading label="Loading the form…" />}>
            <TaskForm
              label={request.data.title}
              schema={request.data.form}
              uiSchema={request.data.uiSchema}
              data={data}
              onChange={(next, field) => {
                setData(next);
                if (field) setErrors((current) => withoutFieldErrors(current, field));
              }}
              errors={errors}
              focusFieldId={focus}
              outcomes={request.data.outcomes}
              onOutcome={(outcome) => void respond(outcome)}
              busy={busy}
            />
          </Suspense>
        </section>
      )}
    </main>
  );
}
