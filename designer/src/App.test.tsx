// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import App from './App';
import type { CurrentUser, DefinitionSummary } from './api/types';

const list: DefinitionSummary[] = [
  { definitionId: 'major', name: 'Major incident', latestVersion: 2, publishedVersion: 1, versionCount: 2, updatedAt: '2026-11-01T09:00:00Z' },
  { definitionId: 'minor', name: 'Minor', latestVersion: 1, versionCount: 1, updatedAt: '2026-11-01T09:00:00Z' },
];

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' } });
}

function serve(me: CurrentUser | 401 | 404) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url === '/api/auth/me') return typeof me === 'number' ? json(me, { title: 'no', status: me }) : json(200, me);
      if (url.startsWith('/api/workflow-definitions')) return json(200, list);
      if (url.startsWith('/api/tasks')) return json(200, { items: [], page: 1, pageSize: 50, totalCount: 0 });
      return json(404, { title: 'not found', status: 404 });
    }),
  );
}

const user = (...roles: CurrentUser['roles']): CurrentUser => ({ id: 'u', email: 'u@x', displayName: 'Uma', roles, teams: [] });

beforeEach(() => window.history.pushState({}, '', '/workflows'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('app shell', () => {
  it('asks to sign in when there is no session', async () => {
    serve(401);
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Sign in to EscalationFlows' })).toBeTruthy();
    expect(screen.getByLabelText('Email')).toBeTruthy();
    expect(screen.getByLabelText('Password')).toBeTruthy();
  });

  it('a viewer reads the list but is offered no create or import', async () => {
    serve(user('viewer'));
    render(<App />);
    const table = await screen.findByTestId('workflows-table');
    expect(within(table).getByRole('link', { name: 'Major incident' })).toBeTruthy();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Instances' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New workflow' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Import JSON' })).toBeNull();
  });

  it('a process owner may create and import; the list shows published and draft versions', async () => {
    serve(user('process-owner'));
    render(<App />);
    const row = await screen.findByTestId('workflow-row-major');
    expect(within(row).getByText('published v1')).toBeTruthy();
    expect(within(row).getByText('draft v2')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New workflow' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import JSON' })).toBeTruthy();
  });

  it('an agent sees the task inbox and the escalation console, and starts in the inbox', async () => {
    serve(user('agent'));
    window.history.pushState({}, '', '/');
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Tasks' })).toBeTruthy();
    const nav = within(screen.getByRole('navigation', { name: 'Main' }));
    expect(nav.getAllByRole('link').map((l) => l.textContent)).toEqual(['Tasks', 'Escalations']);
    expect(await screen.findByTestId('tasks-empty')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'My tasks' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: "My teams' tasks" })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'All tasks' })).toBeNull();
  });

  it('leadership may look at every task', async () => {
    serve(user('leadership'));
    window.history.pushState({}, '', '/tasks');
    render(<App />);
    expect(await screen.findByRole('tab', { name: 'All tasks' })).toBeTruthy();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getAllByRole('link').map((l) => l.textContent)).toEqual(['Workflows', 'Instances', 'Tasks', 'Escalations']);
  });

  it('the client page needs no session', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.startsWith('/api/client/')
          ? json(410, { title: 'Gone', status: 410, code: 'client-link-expired', detail: 'This link has expired; ask for a new one.' })
          : json(401, { title: 'no', status: 401 }),
      ),
    );
    window.history.pushState({}, '', '/client/abc.def');
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'This link has expired' })).toBeTruthy();
    expect(screen.getByText('This link has expired; ask for a new one.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Sign in to EscalationFlows' })).toBeNull();
  });

  it('runs without sign-in under a banner while the server has no auth endpoint', async () => {
    serve(404);
    render(<App />);
    expect(await screen.findByText(/This server has no sign-in yet/)).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'New workflow' })).toBeTruthy();
  });
});
