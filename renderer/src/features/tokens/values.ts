import { desk } from '../../desk';
import { errorMessage } from '../../error-message';
import { copiedNotice } from '../../../../common/messages';

/**
 * Copies a token value: main writes the clipboard (and clears it later), the page never holds
 * it. The one copy path of the renderer (table, details, the wizard's summary). Returns the
 * confirmation text. Main logs the copy with the window it came from (never a page's say-so).
 */
export async function copyValue(id: string): Promise<string> {
  try {
    const { clearsAt, inFrontOnly } = await desk.call('values.copy', { id });
    // The delay still to run, to the second (what main's clear-delay setting gave, less the reply's trip).
    const left = Math.round((Date.parse(clearsAt) - Date.now()) / 1000) * 1000;
    return copiedNotice(null, Number.isFinite(left) ? left : 0, inFrontOnly === true);
  } catch (error) {
    throw new Error(errorMessage(error, 'Could not copy the value.'));
  }
}
