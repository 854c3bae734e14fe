import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import type {
  ActivityJson,
  CurrentUser,
  DefinitionDiffResponse,
  DefinitionError,
  DefinitionVersion,
  InstanceDetails,
  InstancePage,
  JournalEntry,
  JournalPage,
  Role,
  TaskPage,
  WorkflowDefinition,
} from '../src/api/types';
import { computeDiff } from '../src/lib/diff';
import { portsOf } from '../src/lib/ports';
import { testDescriptors } from '../src/lib/__fixtures__/descriptors';
import { largeDefinition } from '../src/lib/__fixtures__/large';
import rich from '../src/lib/__fixtures__/escalation-rich.json';
import timers from '../src/lib/__fixtures__/duplicates-and-timers.json';
import bare from '../src/lib/__fixtures__/no-positions.json';

/*
 * An in-memory stand-in for the server's REST API, for `npm run dev:mock` / `npm run preview:mock` and the browser
 * smoke script (scripts/smoke.mjs). Its answers have the server's shapes (the types generated from openapi/v1.json)
 * and drive the designer, version and instance pages; it is NOT the server: its validation is a small subset of the
 * engine's, the task inbox is always empty and there is no live stream (the studio then refreshes on an interval). Sign in as admin@…, owner@… or viewer@…
 * (any password); the part before @ picks the role.
 */

type Stored = DefinitionVersion;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function createStore() {
  const definitions = new Map<string, Stored[]>();
  let clock = Date.parse('2026-11-01T09:00:00Z');
  const now = () => new Date((clock += 60_000)).toISOString();
  function put(definition: WorkflowDefinition, publish = false): Stored {
    const versions = definitions.get(definition.definitionId) ?? [];
    const latest = versions.at(-1);
    const reuse = latest && !latest.isPublished && latest.status === 'draft';
    const version = reuse ? latest.version : (latest?.version ?? 0) + 1;
    const stamp = now();
    const stored: Stored = {
      definitionId: definition.definitionId,
      version,
      name: definition.name,
      status: publish ? 'published' : 'draft',
      isPublished: publish,
      isLatest: true,
      contentHash: hash(JSON.stringify(definition)),
      createdAt: reuse ? latest.createdAt : stamp,
      updatedAt: stamp,
      definition: { ...clone(definition), version },
    };
    if (publish) for (const v of versions) if (v.isPublished) Object.assign(v, { isPublished: false, status: 'retracted' });
    for (const v of versions) v.isLatest = false;
    if (reuse) versions[versions.length - 1] = stored;
    else versions.push(stored);
    definitions.set(definition.definitionId, versions);
    return stored;
  }
  const v1 = clone(rich) as unknown as WorkflowDefinition;
  put(v1, true);
  const v2 = clone(v1);
  v2.root.activities = v2.root.activities.filter((a) => a.id !== 'log1');
  v2.root.connections = v2.root.connections!.filter((c) => c.source.activity !== 'log1' && c.target.activity !== 'log1');
  v2.root.activities.push({ id: 'notify', type: 'Log', name: 'Notify channel', inputs: { message: { expression: { type: 'template', value: 'Escalated {{ ticket.id }}' } } }, metadata: { designer: { position: { x: 1240, y: 40 } } } });
  v2.root.connections.push({ source: { activity: 'fork1', port: 'Notify' }, target: { activity: 'notify' } }, { source: { activity: 'notify' }, target: { activity: 'join1' } });
  v2.root.activities.find((a) => a.id === 'http1')!.inputs!.url = { expression: { type: 'template', value: 'https://hooks.example/v2/{{ assignedTeam }}' } };
  put(v2);
  put(clone(timers) as unknown as WorkflowDefinition, true);
  put(clone(bare) as unknown as WorkflowDefinition);
  put(largeDefinition(200), true);
  return { definitions, put, now };
}

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).padStart(8, '0').repeat(4);
}

/** A small subset of the engine's checks, enough to exercise error display. */
function validate(definition: WorkflowDefinition): DefinitionError[] {
  const errors: DefinitionError[] = [];
  if (!definition || typeof definition !== 'object') return [{ pointer: '', code: 'invalid-json', message: 'The body is not a definition.' }];
  if (!/^[a-z0-9][a-z0-9._-]{0,99}$/.test(definition.definitionId ?? '')) errors.push({ pointer: '/definitionId', code: 'schema', message: 'The id must be lower-case letters, digits, ".", "_" or "-".' });
  if (!definition.name) errors.push({ pointer: '/name', code: 'schema', message: 'A workflow needs a name.' });
  const activities: ActivityJson[] = definition.root?.activities ?? [];
  const ids = new Map<string, number>();
  const variables = new Set((definition.variables ?? []).map((v) => v.name));
  activities.forEach((a, i) => {
    if (ids.has(a.id)) errors.push({ pointer: `/root/activities/${i}/id`, code: 'duplicate-id', message: `The id '${a.id}' is used twice.` });
    ids.set(a.id, i);
    const d = testDescriptors.find((x) => x.type === a.type);
    if (!d) {
      errors.push({ pointer: `/root/activities/${i}/type`, code: 'unknown-activity-type', message: `'${a.type}' is not a registered activity.` });
      return;
    }
    for (const input of d.inputs) {
      const binding = a.inputs?.[input.name];
      if (input.required && (!binding || binding.expression.value === undefined || binding.expression.value === '')) {
        errors.push({ pointer: `/root/activities/${i}/inputs/${input.name}`, code: 'missing-required-input', message: `'${input.displayName ?? input.name}' is required.` });
      }
      if (binding && !input.supportsExpressions && binding.expression.type !== 'literal') {
        errors.push({ pointer: `/root/activities/${i}/inputs/${input.name}/expression/type`, code: 'expression-not-allowed', message: `'${input.name}' takes a literal value only.` });
      }
      if (binding?.expression.type === 'variable' && typeof binding.expression.value === 'string' && !variables.has(binding.expression.value)) {
        errors.push({ pointer: `/root/activities/${i}/inputs/${input.name}/expression/value`, code: 'undeclared-variable', message: `The variable '${binding.expression.value}' is not declared.` });
      }
    }
  });
  (definition.root?.connections ?? []).forEach((c, i) => {
    const s = ids.get(c.source.activity);
    if (s === undefined) errors.push({ pointer: `/root/connections/${i}/source/activity`, code: 'dangling-connection', message: `No activity '${c.source.activity}'.` });
    if (!ids.has(c.target.activity)) errors.push({ pointer: `/root/connections/${i}/target/activity`, code: 'dangling-connection', message: `No activity '${c.target.activity}'.` });
    if (s !== undefined) {
      const a = activities[s]!;
      const ports = portsOf(testDescriptors.find((x) => x.type === a.type), a);
      const port = c.source.port ?? 'Done';
      if (testDescriptors.some((x) => x.type === a.type) && !ports.includes(port)) errors.push({ pointer: `/root/connections/${i}/source/port`, code: 'unknown-port', message: `'${a.id}' has no port '${port}'.` });
    }
  });
  if (activities.length && !activities.some((a) => a.type === 'Start' || a.type === 'EventTrigger')) errors.push({ pointer: '/root/activities', code: 'no-start', message: 'The workflow has no Start or trigger.' });
  return errors;
}

function seedInstances(now: () => string) {
  let seq = 0;
  const entry = (event: string, activityId?: string, outcomes?: string[], extra: Partial<JournalEntry> = {}): JournalEntry => ({
    sequence: ++seq,
    timestamp: now(),
    event,
    ...(activityId ? { activityId, activityType: (rich as unknown as WorkflowDefinition).root.activities.find((a) => a.id === activityId)?.type } : {}),
    ...(outcomes ? { outcomes } : {}),
    ...extra,
  });
  const journal: JournalEntry[] = [
    entry('WorkflowStarted'),
    entry('ActivityStarted', 'start'), entry('ActivityCompleted', 'start', ['Done'], { durationMs: 0.4 }),
    entry('ActivityStarted', 'route'), entry('ActivityCompleted', 'route', ['Done'], { durationMs: 3.1 }),
    entry('ActivityStarted', 'ack'), entry('ActivitySuspended', 'ack', undefined, { bookmarkId: 'bm-1' }),
    entry('ActivityResumed', 'ack'), entry('ActivityCompleted', 'ack', ['Acknowledged'], { durationMs: 1.2 }),
    entry('ActivityStarted', 'switch1'), entry('ActivityCompleted', 'switch1', ['Breached'], { durationMs: 0.9 }),
    entry('ActivityStarted', 'fork1'), entry('ActivityCompleted', 'fork1', ['Done', 'Notify', 'Escalate'], { durationMs: 0.2 }),
    entry('ActivityStarted', 'log1'), entry('ActivityCompleted', 'log1', ['Done'], { durationMs: 0.3 }), entry('JoinArrived', 'join1'),
    entry('ActivityStarted', 'http1'), entry('ActivityFaulted', 'http1', undefined, { attempt: 1, message: '503 from hooks.example' }),
    entry('ActivityRetryScheduled', 'http1', undefined, { attempt: 2 }),
    entry('ActivityStarted', 'http1', undefined, { attempt: 2 }), entry('ActivityFaulted', 'http1', undefined, { attempt: 2, message: '503 from hooks.example' }),
    entry('WorkflowFaulted', undefined, undefined, { message: 'Send HTTP request failed after 2 attempts.' }),
  ];
  const faulted: InstanceDetails = {
    id: 'inst-0001', definitionId: 'major-incident-escalation', definitionVersion: 1, status: 'Faulted', subStatus: 'Incident', correlationId: 'TCK-4711',
    createdAt: journal[0]!.timestamp, updatedAt: journal.at(-1)!.timestamp, journalSequence: journal.length, revision: 3,
    variables: { assignedTeam: 'major-incidents', attempts: 1, resolutionNote: { text: '', tags: [] } },
    input: { ticket: { id: 'TCK-4711', priority: 'P1' }, clientTier: 'platinum' }, output: {},
    bookmarks: [],
    incidents: [{ id: 'inc-1', activityId: 'http1', activityType: 'SendHttpRequest', code: 'http-5xx', message: '503 from hooks.example', timestamp: journal.at(-2)!.timestamp, attempt: 2, resolved: false }],
    activities: { start: { runs: 1, faults: 0 }, route: { runs: 1, faults: 0 }, ack: { runs: 1, faults: 0 }, switch1: { runs: 1, faults: 0 }, fork1: { runs: 1, faults: 0 }, log1: { runs: 1, faults: 0 }, http1: { runs: 2, faults: 2 } },
  };
  const waiting: InstanceDetails = {
    ...clone(faulted), id: 'inst-0002', status: 'Suspended', subStatus: 'Waiting', correlationId: 'TCK-4712', incidents: [],
    bookmarks: [{ id: 'bm-2', instanceId: 'inst-0002', activityId: 'ack', kind: 'HumanTask', correlationId: 'TCK-4712', payload: { title: 'Acknowledge' }, createdAt: journal[5]!.timestamp }],
    activities: { start: { runs: 1, faults: 0 }, route: { runs: 1, faults: 0 }, ack: { runs: 1, faults: 0 } },
  };
  return new Map<string, { details: InstanceDetails; journal: JournalEntry[] }>([
    [faulted.id, { details: faulted, journal }],
    [waiting.id, { details: waiting, journal: journal.slice(0, 7) }],
  ]);
}

function users(email: string): CurrentUser {
  const prefix = email.split('@')[0] ?? '';
  const role: Role = prefix === 'admin' ? 'admin' : prefix === 'owner' ? 'process-owner' : prefix === 'manager' ? 'escalation-manager' : 'viewer';
  return { id: prefix || 'viewer', email, displayName: prefix ? prefix[0]!.toUpperCase() + prefix.slice(1) : 'Viewer', roles: [role], teams: [] };
}

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : undefined;
}

function send(res: ServerResponse, status: number, value?: unknown, type = 'application/json') {
  res.statusCode = status;
  if (value === undefined) return res.end();
  res.setHeader('Content-Type', type);
  res.end(JSON.stringify(value));
}

function problem(res: ServerResponse, status: number, title: string, detail?: string, errors?: DefinitionError[]) {
  send(res, status, { type: `https://escalationflows.dev/problems/${status}`, title, status, detail, ...(errors ? { errors } : {}) }, 'application/problem+json');
}

export function mockApi(): Plugin {
  const store = createStore();
  const instances = seedInstances(store.now);
  const handler = async (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const url = new URL(req.url ?? '/', 'http://mock');
    const path = url.pathname;
    if (!path.startsWith('/api/')) return next();
    const method = req.method ?? 'GET';
    const cookie = /mock-user=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const user = cookie ? users(decodeURIComponent(cookie)) : null;
    try {
      if (path === '/api/auth/login' && method === 'POST') {
        const { email } = (await body(req)) as { email: string };
        res.setHeader('Set-Cookie', `mock-user=${encodeURIComponent(email)}; Path=/; HttpOnly; SameSite=Lax`);
        return send(res, 200, users(email));
      }
      if (path === '/api/auth/logout') {
        res.setHeader('Set-Cookie', 'mock-user=; Path=/; Max-Age=0');
        return send(res, 204);
      }
      if (!user) return problem(res, 401, 'Sign in first.');
      if (path === '/api/auth/me') return send(res, 200, user);
      if (path === '/api/activity-descriptors') return send(res, 200, testDescriptors);

      if (path === '/api/tasks' && method === 'GET') {
        const empty: TaskPage = { items: [], page: 1, pageSize: 50, totalCount: 0 };
        return send(res, 200, empty);
      }
      if (path === '/api/teams' && method === 'GET') return send(res, 200, []);
      // No live stream here: 204 tells an EventSource not to reconnect; the studio refreshes on an interval instead.
      if (path === '/api/live') return send(res, 204);

      const defs = '/api/workflow-definitions';
      if (path === defs && method === 'GET') {
        const search = url.searchParams.get('search')?.toLowerCase() ?? '';
        const list = [...store.definitions.values()].map((versions) => {
          const latest = versions.at(-1)!;
          return {
            definitionId: latest.definitionId, name: latest.definition.name, description: latest.definition.description,
            latestVersion: latest.version, publishedVersion: versions.find((v) => v.isPublished)?.version, versionCount: versions.length, updatedAt: latest.updatedAt,
          };
        });
        return send(res, 200, list.filter((d) => !search || d.name.toLowerCase().includes(search) || d.definitionId.includes(search)));
      }
      if ((path === defs || path === `${defs}/import`) && method === 'POST') {
        const definition = (await body(req)) as WorkflowDefinition;
        const errors = validate(definition).filter((e) => e.code === 'schema' || e.code === 'invalid-json' || e.code === 'duplicate-id');
        if (errors.length) return problem(res, 422, 'The definition is not valid.', `${errors.length} problem(s).`, errors);
        if (user.roles[0] === 'viewer') return problem(res, 403, 'Forbidden');
        return send(res, 200, store.put(definition));
      }
      if (path === `${defs}/validate` && method === 'POST') {
        const errors = validate((await body(req)) as WorkflowDefinition);
        return send(res, 200, { valid: errors.length === 0, errors });
      }
      const m = /^\/api\/workflow-definitions\/([^/]+)(?:\/(versions|publish|retract|diff|export)(?:\/(\d+))?)?$/.exec(path);
      if (m) {
        const versions = store.definitions.get(decodeURIComponent(m[1]!));
        if (!versions) return problem(res, 404, 'No such workflow.');
        const pick = (v: string | null) => (v === null || v === 'latest' ? versions.at(-1) : v === 'published' ? versions.find((x) => x.isPublished) : versions.find((x) => x.version === Number(v)));
        const action = m[2];
        if (!action && method === 'GET') {
          const found = pick(url.searchParams.get('version'));
          return found ? send(res, 200, found) : problem(res, 404, 'No such version.');
        }
        if (action === 'versions' && method === 'GET') return send(res, 200, [...versions].reverse().map(({ definition: _d, ...summary }) => summary));
        if (action === 'versions' && method === 'DELETE') {
          const index = versions.findIndex((v) => v.version === Number(m[3]));
          if (index < 0 || versions[index]!.isPublished) return problem(res, 409, 'Only an unpublished version can be deleted.');
          versions.splice(index, 1);
          if (versions.length) versions.at(-1)!.isLatest = true;
          return send(res, 204);
        }
        if (action === 'publish' && method === 'POST') {
          if (!user.roles.includes('admin')) return problem(res, 403, 'Only an admin publishes.');
          const { version } = ((await body(req)) ?? {}) as { version?: number };
          const target = version === undefined ? versions.at(-1)! : versions.find((v) => v.version === version);
          if (!target) return problem(res, 404, 'No such version.');
          const errors = validate(target.definition);
          if (errors.length) return problem(res, 422, 'Fix the problems before publishing.', undefined, errors);
          for (const v of versions) if (v.isPublished) Object.assign(v, { isPublished: false, status: 'retracted' });
          Object.assign(target, { isPublished: true, status: 'published' });
          return send(res, 200, target);
        }
        if (action === 'retract' && method === 'POST') {
          const published = versions.find((v) => v.isPublished);
          if (!published) return problem(res, 409, 'Nothing is published.');
          Object.assign(published, { isPublished: false, status: 'retracted' });
          return send(res, 200, published);
        }
        if (action === 'diff') {
          const a = pick(url.searchParams.get('from'));
          const b = pick(url.searchParams.get('to'));
          if (!a || !b) return problem(res, 404, 'No such version.');
          const diff = computeDiff(a.definition, b.definition);
          const byId = (d: WorkflowDefinition) => new Map(d.root.activities.map((x) => [x.id, x]));
          const activity = (d: WorkflowDefinition) => (id: string) => ({ id, type: byId(d).get(id)?.type ?? '', name: byId(d).get(id)?.name ?? null });
          const connection = (key: string) => {
            const [, source = '', port = 'Done', target = ''] = /^(.*):(.*)->(.*)$/.exec(key) ?? [];
            return { sourceActivity: source, sourcePort: port, targetActivity: target };
          };
          const response: DefinitionDiffResponse = {
            definitionId: a.definitionId, fromVersion: a.version, toVersion: b.version, changedProperties: [],
            addedActivities: diff.activities.added.map(activity(b.definition)), removedActivities: diff.activities.removed.map(activity(a.definition)),
            changedActivities: diff.activities.changed.map((c) => ({ id: c.id, type: byId(b.definition).get(c.id)?.type ?? '', fields: c.fields })),
            addedConnections: diff.connections.added.map(connection), removedConnections: diff.connections.removed.map(connection),
            hasChanges: diff.activities.added.length + diff.activities.removed.length + diff.activities.changed.length + diff.connections.added.length + diff.connections.removed.length > 0,
          };
          return send(res, 200, response);
        }
        if (action === 'export') return send(res, 200, pick(url.searchParams.get('version'))!.definition);
      }

      if (path === '/api/workflow-instances' && method === 'GET') {
        const definitionId = url.searchParams.get('definitionId');
        const status = url.searchParams.get('status');
        const items = [...instances.values()]
          .map((i) => i.details)
          .filter((i) => (!definitionId || i.definitionId === definitionId) && (!status || i.status === status))
          .map(({ id, definitionId: d, definitionVersion, status: s, subStatus, correlationId, createdAt, updatedAt, incidents }) => ({
            id, definitionId: d, definitionVersion, status: s, subStatus, correlationId, createdAt, updatedAt, incidentCount: incidents.length,
          }));
        const page: InstancePage = { items, totalCount: items.length, page: Number(url.searchParams.get('page') ?? 1), pageSize: 20 };
        return send(res, 200, page);
      }
      const im = /^\/api\/workflow-instances\/([^/]+)(?:\/(journal|cancel|retry))?$/.exec(path);
      if (im) {
        const found = instances.get(decodeURIComponent(im[1]!));
        if (!found) return problem(res, 404, 'No such instance.');
        if (!im[2]) return send(res, 200, found.details);
        if (im[2] === 'journal') {
          const after = Number(url.searchParams.get('after') ?? 0);
          const entries = found.journal.filter((e) => e.sequence > after);
          const page: JournalPage = { instanceId: found.details.id, entries, nextAfter: entries.at(-1)?.sequence ?? after };
          return send(res, 200, page);
        }
        if (im[2] === 'cancel') Object.assign(found.details, { status: 'Cancelled', subStatus: 'Cancelled', bookmarks: [] });
        if (im[2] === 'retry') Object.assign(found.details, { status: 'Running', subStatus: 'Executing', incidents: [] });
        return send(res, 204);
      }
      return problem(res, 404, 'Not found', `${method} ${path} is not part of the mock API.`);
    } catch (error) {
      return problem(res, 400, 'Bad request', String(error));
    }
  };
  return {
    name: 'escalationflows-mock-api',
    configureServer(server) {
      server.middlewares.use((req, res, next) => void handler(req, res, next));
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => void handler(req, res, next));
    },
  };
}
