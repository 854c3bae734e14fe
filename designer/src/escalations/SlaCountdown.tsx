import { countdown } from '../lib/slaCountdown';

/** A due time counting down (re-rendered each second by the page's clock); overdue is marked in red with a badge. */
export function SlaCountdown({ dueAt, now, slaStatus, closed = false, label, testId }: {
  dueAt: string | null | undefined;
  now: number;
  slaStatus?: string | null;
  closed?: boolean;
  label?: string;
  testId?: string;
}) {
  const c = countdown(dueAt, now, slaStatus, closed);
  return (
    <span
      className={`countdown countdown-${c.state}`}
      data-testid={testId}
      data-state={c.state}
      title={dueAt ? `${label ? `${label} due` : 'Due'} ${new Date(dueAt).toLocaleString()}` : undefined}
    >
      {label && <span className="muted small">{label} </span>}
      {c.state === 'overdue' && <span className="badge badge-overdue">Overdue </span>}
      <span className="countdown-time">{c.text}</span>
    </span>
  );
}

/** P1 … P5 with the severity label ("P2 High"). */
export function EscalationPriority({ priority, severity }: { priority?: number | null; severity?: string | null }) {
  if (!priority) return <span className="muted">—</span>;
  return (
    <span className={`esc-priority esc-priority-${priority}`} data-testid="escalation-priority">
      P{priority}
      {severity && <span className="muted small"> {severity}</span>}
    </span>
  );
}

export function StageBadge({ stage }: { stage: string }) {
  return (
    <span className={`badge stage-badge stage-${stage.toLowerCase()}`} data-testid="stage-badge">
      {stage.replace(/([a-z])([A-Z])/g, '$1 $2')}
    </span>
  );
}
