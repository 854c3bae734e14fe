import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, emptyHistory, record, redo, seal, undo } from './history';

describe('undo/redo history', () => {
  it('undoes and redoes in order', () => {
    let h = emptyHistory<number>();
    let present = 0;
    for (const next of [1, 2, 3]) {
      h = record(h, present);
      present = next;
    }
    ({ history: h, present } = undo(h, present));
    expect(present).toBe(2);
    ({ history: h, present } = undo(h, present));
    expect(present).toBe(1);
    ({ history: h, present } = redo(h, present));
    expect(present).toBe(2);
    expect(canUndo(h) && canRedo(h)).toBe(true);
  });

  it('a new change after undo drops the redo branch', () => {
    let h = record(emptyHistory<string>(), 'a');
    let present = 'b';
    ({ history: h, present } = undo(h, present));
    h = record(h, present);
    present = 'c';
    expect(canRedo(h)).toBe(false);
    expect(undo(h, present).present).toBe('a');
  });

  it('coalesces changes with the same key (typing, one drag) into one step until sealed', () => {
    let h = emptyHistory<string>();
    h = record(h, '', 'type:name');
    h = record(h, 'a', 'type:name');
    h = record(h, 'ab', 'type:name');
    expect(h.past).toEqual(['']);
    h = seal(h);
    h = record(h, 'abc', 'type:name');
    expect(h.past).toEqual(['', 'abc']);
    h = record(h, 'abcd', 'type:other');
    expect(h.past).toHaveLength(3);
  });

  it('undo with nothing to undo changes nothing', () => {
    const h = emptyHistory<number>();
    expect(undo(h, 5)).toEqual({ history: h, present: 5 });
    expect(redo(h, 5)).toEqual({ history: h, present: 5 });
  });

  it('keeps at most the history limit', () => {
    let h = emptyHistory<number>();
    for (let i = 0; i < 500; i++) h = record(h, i);
    expect(h.past.length).toBe(200);
    expect(h.past[0]).toBe(300);
  });
});
