/**
 * The AI summary's citations → the entries they cite. A summary sentence cites `t{sequence}` (a timeline entry) or
 * `c{sequence}` (a message of the communications log); each entry on the escalation page carries an anchor id, so a
 * citation is a link that scrolls to and highlights its entry.
 */

export interface CitationTarget {
  /** The citation as the summary gives it ("t12"). */
  citation: string;
  kind: 'timeline' | 'communication';
  sequence: number;
  /** The element id of the cited entry ("timeline-12"). */
  anchor: string;
  /** How the link reads ("#12", "message 3"). */
  label: string;
  /** False when the page has no such entry (the link is then shown but not clickable). */
  found: boolean;
}

export const timelineAnchor = (sequence: number) => `timeline-${sequence}`;
export const communicationAnchor = (sequence: number) => `communication-${sequence}`;

/** The entry one citation points at; null for a citation of an unknown form. */
export function citationTarget(citation: string, timeline: ReadonlySet<number>, communications: ReadonlySet<number>): CitationTarget | null {
  const match = /^\s*([tc])(\d+)\s*$/i.exec(citation);
  if (!match) return null;
  const sequence = Number(match[2]);
  if (match[1]!.toLowerCase() === 't') {
    return { citation, kind: 'timeline', sequence, anchor: timelineAnchor(sequence), label: `#${sequence}`, found: timeline.has(sequence) };
  }
  return { citation, kind: 'communication', sequence, anchor: communicationAnchor(sequence), label: `message ${sequence}`, found: communications.has(sequence) };
}

/** Every citation of a sentence, in order, unknown forms kept as not found (so nothing is silently dropped). */
export function sentenceCitations(citations: readonly string[], timeline: ReadonlySet<number>, communications: ReadonlySet<number>): CitationTarget[] {
  return citations.map(
    (c) => citationTarget(c, timeline, communications) ?? { citation: c, kind: 'timeline', sequence: Number.NaN, anchor: '', label: c, found: false },
  );
}

/** The citation an anchor in the page's address names ("#timeline-12" → the timeline entry 12), if any. */
export function anchorFromHash(hash: string): { kind: 'timeline' | 'communication'; sequence: number } | null {
  const match = /^#?(timeline|communication)-(\d+)$/.exec(hash);
  return match ? { kind: match[1] as 'timeline' | 'communication', sequence: Number(match[2]) } : null;
}
