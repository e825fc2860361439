import { desk } from '../../desk';
import { errorMessage } from '../../error-message';
import type { AccessSource } from '../../../../common/quick-access';

/**
 * Copies a token value: main writes the clipboard (and clears it later), the page never holds
 * it. The one copy path of the renderer (table, details, the wizard's summary). Returns the
 * confirmation text. `source` (where the copy was made) is required so no caller forgets it.
 */
export async function copyValue(id: string, source: AccessSource): Promise<string> {
  try {
    // `source` goes to the value access log (where the copy came from).
    const { clearsAt } = await desk.call('values.copy', { id, source });
    const seconds = Math.max(0, Math.round((Date.parse(clearsAt) - Date.now()) / 1000));
    return Number.isFinite(seconds) && seconds > 0 ? `Copied — clipboard clears in ${seconds} s` : 'Copied';
  } catch (error) {
    throw new Error(errorMessage(error, 'Could not copy the value.'));
  }
}
