import { lazy, Suspense, useState } from 'react';
import type { ErrorSchema } from '@rjsf/utils';
import { useParams } from 'react-router';
import { ApiError, errorMessage } from '../api/client';
import { api } from '../api/endpoints';
import type { ClientAnswer, JsonObject } from '../api/types';
import { ClientLinkFrame } from '../components/ClientLinkFrame';
import { Loading } from '../components/Feedback';
import { useApi } from '../components/useApi';
import { mapFormErrors, withoutFieldErrors } from '../lib/formErrors';
import { humanize } from '../lib/humanize';

const TaskForm = lazy(() => import('../tasks/TaskForm'));

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

  return (
    <ClientLinkFrame
      testId="client-page"
      answer={answer}
      answerNote={<>You answered “{humanize(answer?.outcome ?? '')}”. You can close this page.</>}
      closed={closed}
      error={request.error}
      reload={request.reload}
      loaded={!!request.data}
      loadingLabel="Loading your request…"
    >
      {request.data && (
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
    </ClientLinkFrame>
  );
}
