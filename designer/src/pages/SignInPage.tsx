import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useAuth } from '../auth/AuthContext';

export default function SignInPage({ reason }: { reason?: string }) {
  const auth = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await auth.signIn(email, password);
    } catch (err) {
      setError(err instanceof ApiError && (err.status === 400 || err.status === 401) ? 'The email or password is not right.' : 'Sign-in failed; try again.');
    } finally {
      setBusy(false);
    }
  }

  // Alone it is the page's main content; as the session-expired dialog it sits above the (inert) page.
  const Wrapper = reason ? 'div' : 'main';
  return (
    <Wrapper className="signin">
      <form onSubmit={(e) => void submit(e)} className="card" aria-labelledby="signin-title" data-testid="signin-form">
        <h1 id="signin-title">Sign in to EscalationFlows</h1>
        {reason && <p className="alert alert-error">{reason}</p>}
        <label>
          Email
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Password
          <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && (
          <p role="alert" className="alert alert-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </Wrapper>
  );
}
