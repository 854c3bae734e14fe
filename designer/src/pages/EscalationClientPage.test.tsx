// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import App from '../App';
import type { ClientEscalationView } from '../api/types';

const view: ClientEscalationView = {
  number: 'ESC-000001',
  title: 'CRM unavailable for the sales team',
  status: 'We believe the problem is resolved and are waiting for you to confirm.',
  updatedAt: '2026-11-30T12:00:00Z',
  messages: [{ at: '2026-11-30T11:00:00Z', from: 'us', channel: 'in-app', subject: 'ESC-000001: a fix is in place', body: 'We rolled back release 5.2.' }],
  question: {
    text: 'Is the problem resolved? Confirm, or tell us what is still wrong.',
    confirmPath: '/api/escalations/e1/client/confirm',
    rejectPath: '/api/escalations/e1/client/reject',
    expiresAt: '2026-12-06T09:00:00Z',
  },
};

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' } });
}

const calls: { url: string; method: string; body?: unknown }[] = [];
let answered = false;

beforeEach(() => {
  calls.length = 0;
  answered = false;
  window.history.pushState({}, '', '/escalations/e1/client?token=tok%2Ben');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(init.body as string) : undefined });
      if (url === '/api/escalations/e1/client?token=tok%2Ben') return json(200, view);
      if (url === '/api/escalations/e1/client/reject?token=tok%2Ben' || url === '/api/escalations/e1/client/confirm?token=tok%2Ben') {
        if (answered) return json(410, { status: 410, title: 'Gone', code: 'client-link-used', detail: 'This link was already used.' });
        answered = true;
        return json(200, { outcome: url.includes('/reject') ? 'rejected' : 'confirmed', receivedAt: '2026-11-30T12:05:00Z', message: 'Thank you, we received your answer.' });
      }
      return json(404, { status: 404, title: 'Not found' });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('escalation client page', () => {
  it('shows the status and messages without signing in, asks for a comment before "not resolved", then sends it', async () => {
    const user = userEvent.setup();
    render(<App />);

    expect(await screen.findByRole('heading', { name: 'CRM unavailable for the sales team' })).toBeTruthy();
    expect(screen.getByTestId('escalation-status').textContent).toContain('waiting for you to confirm');
    expect(screen.getByText('We rolled back release 5.2.')).toBeTruthy();
    expect(calls.some((c) => c.url.startsWith('/api/auth'))).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Not resolved' }));
    expect(screen.getByTestId('client-problem').textContent).toContain('what is still wrong');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.type(screen.getByLabelText(/Comment/), 'Still failing for the EU team.');
    await user.click(screen.getByRole('button', { name: 'Not resolved' }));

    await waitFor(() => expect(screen.getByTestId('client-done').textContent).toContain('Thank you, we received your answer.'));
    expect(calls.find((c) => c.method === 'POST')).toEqual({ url: '/api/escalations/e1/client/reject?token=tok%2Ben', method: 'POST', body: { comment: 'Still failing for the EU team.' } });
  });

  it('says plainly when the link was already used', async () => {
    answered = true;
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Confirm, it is resolved' }));

    await waitFor(() => expect(screen.getByTestId('client-closed').getAttribute('data-code')).toBe('client-link-used'));
    expect(screen.getByRole('heading', { name: 'This link was already used' })).toBeTruthy();
  });
});
