import { describe, expect, it } from 'vitest';
import { humanize } from './humanize';

describe('humanize', () => {
  it('turns outcome names into labels', () => {
    expect(humanize('AskCustomer')).toBe('Ask customer');
    expect(humanize('Done')).toBe('Done');
    expect(humanize('escalate_now')).toBe('Escalate now');
    expect(humanize('SendToL2')).toBe('Send to L2');
    expect(humanize('SLA')).toBe('SLA');
  });
});
