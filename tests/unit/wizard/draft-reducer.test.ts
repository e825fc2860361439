import { describe, expect, it } from 'vitest';
import { draftChanged, draftReducer, initialDraft, initialDraftState } from '../../../renderer/src/features/wizard/draft-reducer';
import type { DraftState } from '../../../renderer/src/features/wizard/draft-reducer';
import type { LogoState } from '../../../renderer/src/features/wizard/model';

const logo: LogoState = { fileName: 'a.png', mimeType: 'image/png', dataBase64: 'iVBO', size: 3 };
const run = (state: DraftState, ...actions: Parameters<typeof draftReducer>[1][]) => actions.reduce(draftReducer, state);

describe('wizard draft reducer', () => {
  it('starts empty', () => {
    expect(initialDraftState()).toEqual({ draft: { name: '', description: '', moduleIds: [], logo: null }, touched: new Set(), serverErrors: {} });
  });

  it('an edit changes the draft, touches the field and clears only that field’s API error', () => {
    const refused = run(initialDraftState(), { type: 'serverErrors', errors: { name: 'Taken.', modules: 'Not for you.' } });
    expect([...refused.touched].sort()).toEqual(['modules', 'name']);
    const edited = run(refused, { type: 'edit', field: 'name', value: 'CI robot' });
    expect(edited.draft.name).toBe('CI robot');
    expect(edited.serverErrors).toEqual({ modules: 'Not for you.' });
    const modules = run(edited, { type: 'edit', field: 'modules', value: ['MOD-1756'] }, { type: 'edit', field: 'description', value: 'd' });
    expect(modules.draft).toMatchObject({ moduleIds: ['MOD-1756'], description: 'd' });
    expect(modules.serverErrors).toEqual({});
    expect([...modules.touched].sort()).toEqual(['description', 'modules', 'name']);
  });

  it('new API errors replace the previous ones', () => {
    const state = run(initialDraftState(), { type: 'serverErrors', errors: { name: 'a' } }, { type: 'serverErrors', errors: { icon: 'b' } });
    expect(state.serverErrors).toEqual({ icon: 'b' });
  });

  it('a refused logo keeps the previous one and says why; a good one or removing clears the reason and the API’s icon error', () => {
    const withLogo = run(initialDraftState(), { type: 'logoRead', logo });
    expect(withLogo.draft.logo).toBe(logo);
    const refused = run(withLogo, { type: 'serverErrors', errors: { icon: 'Bad icon.' } }, { type: 'logoRefused', error: '“x.gif” is an image/gif file.' });
    expect(refused.draft.logo).toBe(logo);
    expect(refused.logoError).toBe('“x.gif” is an image/gif file.');
    expect(refused.serverErrors.icon).toBeUndefined();
    const again = run(refused, { type: 'logoRead', logo: { ...logo, fileName: 'b.png' } });
    expect(again.logoError).toBeUndefined();
    expect(again.draft.logo?.fileName).toBe('b.png');
    const removed = run(refused, { type: 'logoRemoved' });
    expect(removed.draft.logo).toBeNull();
    expect(removed.logoError).toBeUndefined();
  });

  it('touch is idempotent (same state object, so React skips a render)', () => {
    const once = run(initialDraftState(), { type: 'touch', field: 'name' });
    expect(run(once, { type: 'touch', field: 'name' }).touched).toBe(once.touched);
  });

  it('knows when closing would lose input', () => {
    const start = { ...initialDraft(), name: 'Nightly', description: 'sync', moduleIds: ['MOD-1239', 'MOD-1756'] };
    expect(draftChanged(start, start)).toBe(false);
    expect(draftChanged({ ...start, name: 'Other' }, start)).toBe(true);
    expect(draftChanged({ ...start, description: '' }, start)).toBe(true);
    expect(draftChanged({ ...start, moduleIds: ['MOD-1239'] }, start)).toBe(true);
    expect(draftChanged({ ...start, logo }, start)).toBe(true);
  });
});
