import { describe, expect, it } from 'vitest';
import { filtersFromQuery, filtersToQuery, slaLabel, stageLabel, toApiQuery, withFilter } from './escalationFilters';

describe('escalation filters ↔ query string', () => {
  it('reads every filter from the query string', () => {
    const filters = filtersFromQuery(new URLSearchParams('stage=investigation&priority=2&team=Applications&owner=mine&client=Acme&sla=atrisk&open=all&page=3'));
    expect(filters).toEqual({ stage: 'Investigation', priority: 2, team: 'Applications', owner: 'mine', client: 'Acme', slaStatus: 'atRisk', open: undefined, page: 3 });
  });

  it('defaults to open escalations on page 1 and drops values the API would refuse', () => {
    expect(filtersFromQuery(new URLSearchParams('stage=Done&priority=9&sla=late&page=-2&team=%20'))).toEqual({
      stage: undefined, priority: undefined, team: undefined, owner: undefined, client: undefined, slaStatus: undefined, open: true, page: 1,
    });
    expect(filtersFromQuery(new URLSearchParams('open=closed')).open).toBe(false);
  });

  it('round-trips: what it writes it reads back, leaving defaults out of the link', () => {
    const samples = ['', 'stage=Triage', 'owner=mine&sla=breached', 'priority=1&team=Network&client=Acme+Ltd&open=closed&page=2', 'open=all'];
    for (const sample of samples) {
      const written = filtersToQuery(filtersFromQuery(new URLSearchParams(sample)));
      expect(written.toString()).toBe(new URLSearchParams(sample).toString());
      expect(filtersFromQuery(written)).toEqual(filtersFromQuery(new URLSearchParams(sample)));
    }
  });

  it('goes back to page 1 when a filter changes', () => {
    const filters = filtersFromQuery(new URLSearchParams('page=4&stage=Triage'));
    expect(withFilter(filters, 'priority', 2)).toMatchObject({ priority: 2, page: 1, stage: 'Triage' });
    expect(withFilter(filters, 'page', 5).page).toBe(5);
  });

  it('asks the API for "me" when the filter is "mine"', () => {
    expect(toApiQuery(filtersFromQuery(new URLSearchParams('owner=mine&sla=paused')))).toEqual({
      stage: undefined, priority: undefined, team: undefined, owner: 'me', client: undefined, slaStatus: 'paused', open: true, page: 1, pageSize: 50,
    });
    expect(toApiQuery(filtersFromQuery(new URLSearchParams('owner=u-42&open=all')), 20)).toMatchObject({ owner: 'u-42', open: undefined, pageSize: 20 });
  });

  it('says stages and SLA statuses in plain words', () => {
    expect(stageLabel('AwaitingClient')).toBe('Awaiting client');
    expect(stageLabel('ReturnedToHandler')).toBe('Returned to handler');
    expect(stageLabel('Triage')).toBe('Triage');
    expect(slaLabel('onTrack')).toBe('on track');
    expect(slaLabel(null)).toBe('');
  });
});
