// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import App from '../App';
import type { ClientEscalationView } from '../api/types';

const view: ClientEscalationView = {
  number: 'ESC-000007',
  title: 'CRM down for sales',
  status: 'We believe the problem is resolved and are waiting for you to confirm.',
  updatedAt: '2026-11-29T12:00:00Z',
  messages: [{ at: '2026-11-29T12:00:00Z', from: 'us', channel: 'in-app', subject: 'A fix is in place', body: 'We rolled back release 5.2.' }],
  question: { text: 'Is the problem resolved?', confirmPath: '/x', rejectPath: '/y', expiresAt: '2026-12-06T12:00:00Z' },
};

const calls: { url: string; method: string; body?: unknown }[] = [];

beforeEach(() => {
  calls.length = 0;
  window.history.pushState({}, '', '/client/escalations/e1?token=abc.def');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(init.body as string) : undefined });
      const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
      if (url === '/api/escalations/e1/client?token=abc.def') return ok(view);
      if (url === '/api/escalations/e1/client/reject?token=abc.def')
        return ok({ outcome: 'rejected', receivedAt: '2026-11-29T12:05:00Z', message: 'Thank you; the team is looking at it again.' });
      return new Response('{}', { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('escalation client page', () => {
  it('needs no session, asks for a comment before sending "not resolved", then thanks the client', async () => {
    const user = userEvent.setup();
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'CRM down for sales' })).toBeTruthy();
    expect(screen.getByTestId('client-status').textContent).toContain('waiting for you to confirm');
    expect(screen.getByText('We rolled back release 5.2.')).toBeTruthy();
    expect(calls.some((c) => c.url.startsWith('/api/auth'))).toBe(false);

    await user.click(screen.getByRole('button', { name: 'No, it is not resolved' }));
    await user.click(screen.getByRole('button', { name: 'Send: not resolved' }));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    await user.type(screen.getByLabelText('What is still wrong?'), 'Still failing in the EU');
    await user.click(screen.getByRole('button', { name: 'Send: not resolved' }));
    expect((await screen.findByTestId('client-done')).textContent).toContain('the team is looking at it again');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      { url: '/api/escalations/e1/client/reject?token=abc.def', method: 'POST', body: { comment: 'Still failing in the EU' } },
    ]);
  });
});
