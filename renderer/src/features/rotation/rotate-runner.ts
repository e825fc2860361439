/**
 * Runs the rotations the dialog asked for: a few at a time, each one `rotation.rotate` in main
 * (create the replacement, store its value, make the plan). A rotation that failed is asked
 * again a few times: main answers a repeat with the plan it already made, and resolves a lost
 * create itself, so a repeat never makes a second replacement.
 */
import type { CallOutput, TokenView } from '../../../../common/contract';
import type { ClientInput } from '../../../../common/desk-client';
import { desk } from '../../desk';
import { errorMessage } from '../../error-message';

export type RotateOutcome = { old: TokenView; ok: true; result: CallOutput<'rotation.rotate'> } | { old: TokenView; ok: false; message: string };

const IN_FLIGHT = 3;
const TRIES = 4;

export async function rotateAll(
  tokens: readonly TokenView[],
  input: (token: TokenView) => ClientInput<'rotation.rotate'>,
  onOutcome: (outcome: RotateOutcome) => void,
): Promise<RotateOutcome[]> {
  const queue = [...tokens];
  const outcomes: RotateOutcome[] = [];
  const worker = async () => {
    for (let old = queue.shift(); old; old = queue.shift()) {
      let outcome: RotateOutcome | undefined;
      for (let attempt = 1; attempt <= TRIES && !outcome?.ok; attempt += 1) {
        try {
          outcome = { old, ok: true, result: await desk.call('rotation.rotate', input(old)) };
        } catch (error) {
          outcome = { old, ok: false, message: errorMessage(error) };
          const code = (error as { code?: string }).code;
          if (code === 'validation' || code === 'conflict' || code === 'forbidden' || code === 'wrong_connection') break;
        }
      }
      if (outcome) {
        outcomes.push(outcome);
        onOutcome(outcome);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, tokens.length) }, worker));
  return outcomes;
}
