import { useLiveStatus } from '../live/useLiveReload';

const labels = {
  off: '',
  connecting: 'Connecting…',
  live: 'Live',
  offline: 'Offline: refreshing every 30 s',
} as const;

/** Whether pages update by themselves right now (shown only while a page listens to live changes). */
export function LiveIndicator() {
  const status = useLiveStatus();
  if (status === 'off') return null;
  return (
    <span className={`live live-${status}`} role="status" data-testid="live-status" data-status={status} title="Pages update when tasks and instances change">
      {labels[status]}
    </span>
  );
}
