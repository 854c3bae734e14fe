// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import App from '../App';
import type { CurrentUser, TaskDetails } from '../api/types';

const agent: CurrentUser = { id: 'u-agent', email: 'agent@x', displayName: 'Aiko', roles: ['agent'], teams: ['Network'] };

const task: TaskDetails = {
  id: 't1', title: 'Triage ticket T-1', status: 'open', priority: 80, overdue: false, candidateTeam: 'Network', instanceId: 'i1', definitionId: 'triage',
  activityId: 'triage', createdAt: '2026-11-30T09:00:00Z', updatedAt: '2026-11-30T09:00:00Z', revision: 1, outcomes: ['Resolve', 'AskCustomer'], definitionVersion: 1,
  description: 'ACME reports an outage.', context: { ticket: 'T-1' }, history: [{ kind: 'created', actor: 'system', at: '2026-11-30T09:00:00Z', details: null }],
  form: { type: 'object', properties: { customerEmail: { type: 'string', format: 'email', title: 'Customer email' } }, required: ['customerEmail'] },
  uiSchema: {},
};

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' } });
}

const calls: { url: string; body?: unknown }[] = [];

beforeEach(() => {
  calls.length = 0;
  window.history.pushState({}, '', '/tasks/t1');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, body: init?.body ? JSON.parse(init.body as string) : undefined });
      if (url === '/api/auth/me') return json(200, agent);
      if (url === '/api/tasks/t1') return json(200, task);
      if (url === '/api/tasks/t1/complete') {
        const body = JSON.parse(init!.body as string) as { data: { customerEmail?: string } };
        return body.data.customerEmail === 'ops@acme.example'
          ? json(200, { ...task, status: 'completed', outcome: 'Resolve' })
          : json(422, { status: 422, code: 'form-invalid', title: 'Unprocessable', detail: 'The form has a problem.', errors: [{ pointer: '/data/customerEmail', code: 'form-invalid', message: 'Customer email is not a valid email address.' }] });
      }
      return json(404, { status: 404, title: 'Not found' });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('task page', () => {
  it("shows the server's field errors next to the field, then completes with the chosen outcome", async () => {
    const user = userEvent.setup();
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Triage ticket T-1' })).toBeTruthy();
    expect(screen.getByTestId('task-assignment').textContent).toBe('Waiting in the queue of team Network');
    const email = await screen.findByLabelText(/Customer email/);
    await user.type(email, 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Resolve' }));

    await waitFor(() => expect(document.getElementById('root_customerEmail__error')?.textContent).toContain('Customer email is not a valid email address.'));
    expect(calls.find((c) => c.url === '/api/tasks/t1/complete')?.body).toEqual({ outcome: 'Resolve', data: { customerEmail: 'not-an-email' } });

    await user.clear(email);
    expect(document.getElementById('root_customerEmail__error')?.textContent ?? '').not.toContain('not a valid');
    await user.type(email, 'ops@acme.example');
    await user.click(screen.getByRole('button', { name: 'Resolve' }));
    expect(await screen.findByTestId('task-notice')).toBeTruthy();
  });
});
