/**
 * What the user has entered in the wizard, and what is known to be wrong with it: the draft,
 * the fields they have touched (an error there reads as an error, elsewhere as a hint), the API's
 * field errors (shown until that field is edited) and a refused logo file.
 */
import type { Draft, LogoState, WizardErrors, WizardField } from './model';

export interface DraftState {
  draft: Draft;
  touched: ReadonlySet<WizardField>;
  serverErrors: WizardErrors;
  /** Why the last logo file was refused (the draft keeps its previous logo). */
  logoError?: string;
}

export type DraftAction =
  | { type: 'edit'; field: 'name'; value: string }
  | { type: 'edit'; field: 'description'; value: string }
  | { type: 'edit'; field: 'modules'; value: string[] }
  | { type: 'touch'; field: WizardField }
  | { type: 'logoRead'; logo: LogoState }
  | { type: 'logoRefused'; error: string }
  | { type: 'logoRemoved' }
  /** The API refused the create: its field errors replace the previous ones and mark their fields touched. */
  | { type: 'serverErrors'; errors: WizardErrors };

/** A new token starts empty. */
export function initialDraft(): Draft {
  return { name: '', description: '', moduleIds: [], logo: null };
}

export function initialDraftState(): DraftState {
  return { draft: initialDraft(), touched: new Set(), serverErrors: {} };
}

const touch = (touched: ReadonlySet<WizardField>, ...fields: WizardField[]) =>
  fields.every((f) => touched.has(f)) ? touched : new Set([...touched, ...fields]);

const withoutServerError = (errors: WizardErrors, field: WizardField): WizardErrors => {
  if (!errors[field]) return errors;
  const { [field]: _dropped, ...rest } = errors;
  return rest;
};

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'edit': {
      const patch: Partial<Draft> =
        action.field === 'name' ? { name: action.value } : action.field === 'description' ? { description: action.value } : { moduleIds: action.value };
      return {
        ...state,
        draft: { ...state.draft, ...patch },
        touched: touch(state.touched, action.field),
        serverErrors: withoutServerError(state.serverErrors, action.field),
      };
    }
    case 'touch':
      return { ...state, touched: touch(state.touched, action.field) };
    case 'logoRead':
      return { ...state, draft: { ...state.draft, logo: action.logo }, logoError: undefined, serverErrors: withoutServerError(state.serverErrors, 'icon') };
    case 'logoRefused':
      return { ...state, logoError: action.error, serverErrors: withoutServerError(state.serverErrors, 'icon') };
    case 'logoRemoved':
      return { ...state, draft: { ...state.draft, logo: null }, logoError: undefined, serverErrors: withoutServerError(state.serverErrors, 'icon') };
    case 'serverErrors':
      return { ...state, serverErrors: action.errors, touched: touch(state.touched, ...(Object.keys(action.errors) as WizardField[])) };
  }
}

/** True when closing would lose something the user entered. */
export function draftChanged(draft: Draft, initial: Draft): boolean {
  return (
    draft.logo !== null ||
    draft.name !== initial.name ||
    draft.description !== initial.description ||
    draft.moduleIds.join(',') !== initial.moduleIds.join(',')
  );
}
