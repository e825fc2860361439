import { desk } from '../../desk';
import { errorMessage } from '../../error-message';

/**
 * Copies a token value: main writes the clipboard (and clears it later), the page never holds
 * it. The one copy path of the renderer (table, details, the wizard's summary). Returns the
 * confirmation text. Main logs the copy with the window it came from (never a page's say-so).
 */
export async function copyValue(id: string): Promise<string> {
  try {
    const { clearsAt } = await desk.call('values.copy', { id });
    const seconds = Math.max(0, Math.round((Date.parse(clearsAt) - Date.now()) / 1000));
    return Number.isFinite(seconds) && seconds > 0 ? `Copied — clipboard clears in ${seconds} s` : 'Copied';
  } catch (error) {
    throw new Error(errorMessage(error, 'Could not copy the value.'));
  }
}
