/**
 * The wizard's create: one tokens.create per Add (never retried by itself), and after a lost
 * answer a look-up (tokens.findRecent) so the user sees whether the token exists before "Try
 * again" can create a second one.
 */
import { useRef, useState } from 'react';
import type { CallOutput, TokenView } from '../../../../common/contract';
import type { ClientInput } from '../../../../common/desk-client';
import { DeskError } from '../../../../common/errors';
import { isLostAnswer } from '../../../../common/lost-answer';
import { splitFieldErrors } from '../../../../common/token-fields';
import { desk } from '../../desk';
import { errorMessage } from '../../error-message';
import type { Draft, WizardErrors } from './model';
import { notifyTokenCreated } from './notify';

/** How far back the look-up after a lost answer searches. */
export const LOOKUP_MINUTES = 15;

export type CreateResult = CallOutput<'tokens.create'>;
export type Lost = { status: 'searching' } | { status: 'done'; found: TokenView[] } | { status: 'failed'; message: string };

interface CreateOptions {
  onCreated(result: CreateResult): void;
  /** The API refused some fields: send the user back to them. */
  onFieldErrors(errors: WizardErrors): void;
}

export function useCreateToken({ onCreated, onFieldErrors }: CreateOptions) {
  const [busy, setBusy] = useState(false);
  const [createError, setCreateError] = useState<string>();
  const [lost, setLost] = useState<Lost | null>(null);
  const [result, setResult] = useState<CreateResult | null>(null);
  /** Guards against a second submit before React has re-rendered with busy. */
  const inFlight = useRef(false);

  const lookup = async (name: string) => {
    setLost({ status: 'searching' });
    try {
      const { tokens } = await desk.call('tokens.findRecent', { name, withinMinutes: LOOKUP_MINUTES });
      setLost({ status: 'done', found: tokens });
    } catch (e) {
      setLost({ status: 'failed', message: errorMessage(e) });
    }
  };

  const add = async (draft: Draft) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setCreateError(undefined);
    setLost(null);
    const input: ClientInput<'tokens.create'> = {
      name: draft.name.trim(),
      description: draft.description.trim(),
      moduleIds: draft.moduleIds,
      ...(draft.logo ? { icon: { fileName: draft.logo.fileName, mimeType: draft.logo.mimeType, dataBase64: draft.logo.dataBase64 } } : {}),
    };
    try {
      const created = await desk.call('tokens.create', input);
      setResult(created);
      onCreated(created);
      notifyTokenCreated(created.token);
    } catch (e) {
      const error = DeskError.is(e) ? e : new DeskError({ code: 'internal', message: errorMessage(e) });
      if (isLostAnswer(error)) {
        setBusy(false);
        inFlight.current = false;
        await lookup(input.name);
        return;
      }
      const { known, other } = splitFieldErrors(error.fields);
      if (Object.keys(known).length > 0) {
        if (other.length > 0) setCreateError(other.join(' '));
        onFieldErrors(known);
      } else {
        setCreateError(error.message);
      }
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return { busy, createError, lost, result, add, lookup };
}
