import { describe, expect, it } from 'vitest';
import {
  INITIAL_VIEW,
  exportRedacts,
  mainPushesOnPresentationChange,
  receive,
  setPresentation,
  startRequest,
  type ViewState,
} from '../../../src-renderer/state/workspace-state.js';
import { PERSON } from '../report/sample-result.js';
import { clearWorkspace, maskedWorkspace } from './workspace-fixture.js';

function shown(state: ViewState, ws: ReturnType<typeof clearWorkspace>, generation: number): ViewState {
  const r = receive(state, ws, generation);
  if (r.kind !== 'shown') throw new Error(`expected the workspace to be shown, got ${r.kind}`);
  return r.state;
}

describe('workspace view state', () => {
  it('newest request wins: a slow answer to an older request changes nothing', () => {
    const first = startRequest(INITIAL_VIEW);
    const second = startRequest(first.state);
    const newer = shown(second.state, clearWorkspace(), second.generation);
    expect(receive(newer, maskedWorkspace(), first.generation)).toEqual({ kind: 'stale' });
  });

  it('in presentation mode clear data is refused and masked data shown', () => {
    const { state, generation } = startRequest(setPresentation(INITIAL_VIEW, true));
    expect(receive(state, clearWorkspace(), generation)).toEqual({ kind: 'refused' });
    const after = shown(state, maskedWorkspace(), generation);
    expect(after.workspace?.redacted).toBe(true);
    expect(JSON.stringify(after.workspace)).not.toContain(PERSON.nameId);
  });

  it('blanks what main missed, using the values of the last clear workspace', () => {
    let { state, generation } = startRequest(INITIAL_VIEW);
    state = shown(state, clearWorkspace(), generation);
    state = setPresentation(state, true);
    ({ state, generation } = startRequest(state));
    const slipped = maskedWorkspace();
    slipped.title = PERSON.nameId;
    const r = receive(state, slipped, generation);
    expect(r.kind === 'shown' && r.leaked).toBe(1);
    expect(r.kind === 'shown' && r.state.workspace?.title).toBe('[masked]');
  });

  it('turning presentation on takes a clear view off the screen at once, and keeps a masked one', () => {
    let { state, generation } = startRequest(INITIAL_VIEW);
    state = shown(state, clearWorkspace(), generation);
    expect(setPresentation(state, true).workspace).toBeNull();
    ({ state, generation } = startRequest(state));
    state = shown(state, maskedWorkspace(), generation);
    expect(setPresentation(state, true).workspace?.redacted).toBe(true);
    // Off: the masked view stays until main sends the clear one, and the clear one is then shown.
    const off = setPresentation(setPresentation(state, true), false);
    expect(off.workspace?.redacted).toBe(true);
    const next = startRequest(off);
    expect(shown(next.state, clearWorkspace(), next.generation).workspace?.redacted).toBe(false);
  });

  it('a presentation change waits for the one workspace main pushes, and asks only when main will not push', () => {
    const start = startRequest(INITIAL_VIEW);
    expect(mainPushesOnPresentationChange(start.state, false, true)).toBe(false); // nothing analysed yet
    const state = shown(start.state, clearWorkspace(), start.generation);
    expect(mainPushesOnPresentationChange(state, false, true)).toBe(true);
    expect(mainPushesOnPresentationChange(state, true, true)).toBe(false); // main's mode does not change
    expect(mainPushesOnPresentationChange(state, undefined, true)).toBe(false); // main's mode unknown
  });

  it('says what pasted setting text was recognised as, until a later analysis replaces that view', () => {
    let { state, generation } = startRequest(INITIAL_VIEW);
    state = shown(state, { ...clearWorkspace(), notice: 'Recognised IdP metadata.' }, generation);
    expect(state.notice).toBe('Recognised IdP metadata.');
    ({ state, generation } = startRequest(state));
    expect(shown(state, clearWorkspace(), generation).notice).toBeNull();
    const other = { ...state, notice: 'Export cancelled.' };
    expect(shown(other, clearWorkspace(), generation).notice).toBe('Export cancelled.');
  });

  it('exports are redacted in presentation mode whatever was chosen', () => {
    expect(exportRedacts(setPresentation(INITIAL_VIEW, true), false)).toBe(true);
    expect(exportRedacts(INITIAL_VIEW, false)).toBe(false);
    expect(exportRedacts(INITIAL_VIEW, true)).toBe(true);
  });
});
