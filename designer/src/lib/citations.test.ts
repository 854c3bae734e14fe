import { describe, expect, it } from 'vitest';
import { anchorFromHash, citationTarget, communicationAnchor, sentenceCitations, timelineAnchor } from './citations';

const timeline = new Set([1, 2, 3, 12]);
const communications = new Set([1, 2]);

describe('summary citations → entries', () => {
  it('maps a timeline citation to its entry anchor', () => {
    expect(citationTarget('t12', timeline, communications)).toEqual({ citation: 't12', kind: 'timeline', sequence: 12, anchor: 'timeline-12', label: '#12', found: true });
    expect(timelineAnchor(12)).toBe('timeline-12');
  });

  it('maps a communications citation to its message anchor', () => {
    expect(citationTarget('c2', timeline, communications)).toEqual({ citation: 'c2', kind: 'communication', sequence: 2, anchor: 'communication-2', label: 'message 2', found: true });
    expect(communicationAnchor(2)).toBe('communication-2');
  });

  it('says when the cited entry is not on the page, and keeps unknown forms as not found', () => {
    expect(citationTarget('t99', timeline, communications)?.found).toBe(false);
    expect(citationTarget('x1', timeline, communications)).toBeNull();
    expect(sentenceCitations(['t1', 'c9', 'bogus'], timeline, communications).map((c) => [c.anchor, c.found])).toEqual([
      ['timeline-1', true],
      ['communication-9', false],
      ['', false],
    ]);
  });

  it('reads an entry anchor back from the address', () => {
    expect(anchorFromHash('#timeline-3')).toEqual({ kind: 'timeline', sequence: 3 });
    expect(anchorFromHash('communication-1')).toEqual({ kind: 'communication', sequence: 1 });
    expect(anchorFromHash('#summary')).toBeNull();
  });
});
