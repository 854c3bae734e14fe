// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import App from '../App';
import type { CurrentUser, EscalationDetails, Role } from '../api/types';

const person = (role: Role): CurrentUser => ({ id: `u-${role}`, email: `${role}@x`, displayName: role, roles: [role], teams: [] });

const at = '2026-11-29T12:00:00Z';
const details: EscalationDetails = {
  escalation: {
    id: 'e1', number: 'ESC-000007', client: 'Acme', tier: 'gold', title: 'CRM down for sales', stage: 'Investigation', stageSince: at, priority: 2, severity: 'High',
    triggerReason: 'client-request', elevation: 'resolution team', elevationLevel: 1, flagged: false, loopBackCount: 0, reopenCount: 0, openedAt: at, updatedAt: at,
    resolutionDueAt: '2099-01-01T00:00:00Z', responseDueAt: '2099-01-01T00:00:00Z', slaStatus: 'onTrack', ownerName: 'Mia', ownerId: 'u-mia', resolutionTeam: 'Applications',
    criteriaMatched: [], preventiveActions: [], priorAttempts: [], severityReasons: [], stakeholders: [],
  },
  timeline: [
    { sequence: 1, at, actor: 'Aiko', actorId: 'u-aiko', kind: 'opened', source: 'api', text: 'ESC-000007 opened', id: null },
    { sequence: 2, at, actor: 'system', actorId: 'system', kind: 'routed', source: 'workflow:escalation-triage/route', text: 'Routed to Applications', id: null },
  ],
  owners: [{ stage: 'Investigation', ownerId: 'u-mia', ownerName: 'Mia', at, reason: 'round-robin', actor: 'system', namings: 1 }],
  ownerHistory: [],
  communications: [{ sequence: 1, at, actor: 'system', audience: 'owner', body: 'You own it', channel: 'email', direction: 'outbound', status: 'sent', to: ['mia@x'] }],
  summary: { method: 'extractive', sentences: [{ text: 'It was routed to Applications.', citations: ['t2', 'c1'] }] },
  openTasks: [],
  workflow: { triggerInstanceId: 'i1', current: [] },
  sla: [],
};

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' } });
}

let me: CurrentUser;
const posts: { url: string; body: unknown }[] = [];

beforeEach(() => {
  posts.length = 0;
  window.history.pushState({}, '', '/escalations/e1');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/auth/me') return json(200, me);
      if (init?.method === 'POST') posts.push({ url, body: JSON.parse(init.body as string) });
      if (url === '/api/escalations/e1' || url === '/api/escalations/e1/flag') return json(200, details);
      return json(404, { status: 404, title: 'Not found' });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('escalation page', () => {
  it('offers a viewer no action, and a manager flag and elevate', async () => {
    me = person('viewer');
    render(<App />);
    expect(await screen.findByRole('heading', { name: /ESC-000007/ })).toBeTruthy();
    expect(screen.queryByTestId('escalation-actions')).toBeNull();
    cleanup();

    me = person('escalation-manager');
    render(<App />);
    const actions = await screen.findByTestId('escalation-actions');
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Flag…', 'Elevate…']);
  });

  it('an agent flags with a reason; a citation highlights the timeline entry it cites', async () => {
    me = person('agent');
    const user = userEvent.setup();
    render(<App />);
    const actions = await screen.findByTestId('escalation-actions');
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Flag…']);

    await user.click(screen.getByRole('link', { name: '[#2]' }));
    expect(screen.getByTestId('timeline-2').className).toContain('highlighted');
    expect(window.location.hash).toBe('#timeline-2');
    await user.click(screen.getByRole('link', { name: '[message 1]' }));
    expect(screen.getByTestId('communication-1').className).toContain('highlighted');
    expect(screen.getByTestId('timeline-2').className).not.toContain('highlighted');

    await user.click(screen.getByTestId('action-flag'));
    await user.type(screen.getByLabelText('Why flag it?'), 'Client called again');
    await user.click(within(screen.getByTestId('flag-form')).getByRole('button', { name: 'Flag' }));
    await waitFor(() => expect(screen.getByTestId('escalation-notice').textContent).toBe('ESC-000007 was flagged.'));
    expect(posts).toEqual([{ url: '/api/escalations/e1/flag', body: { reason: 'Client called again', raisePriority: false } }]);
  });
});
