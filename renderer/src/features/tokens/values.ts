import { desk } from '../../desk';
import { errorMessage } from '../../error-message';

/** Copies a stored token value (main writes the clipboard); returns the confirmation text. */
export async function copyValue(id: string): Promise<string> {
  try {
    const { clearsAt } = await desk.call('values.copy', { id });
    const seconds = Math.max(0, Math.round((Date.parse(clearsAt) - Date.now()) / 1000));
    return Number.isFinite(seconds) && seconds > 0 ? `Copied — clipboard clears in ${seconds} s` : 'Copied';
  } catch (error) {
    throw new Error(errorMessage(error, 'Could not copy the value.'));
  }
}

/** `idt:TKN-1234-5678:<secret>`; returns a problem or null. */
export function checkValueFormat(value: string, tokenId: string): string | null {
  const v = value.trim();
  if (!v) return 'Paste the token value.';
  const m = /^idt:(TKN-\d{4}-\d{4}):([A-Za-z0-9]+)$/.exec(v);
  if (!m) return 'A token value looks like idt:TKN-1234-5678:… (letters and digits after the second colon).';
  if (m[1] !== tokenId) return `This value belongs to ${m[1]}, not to ${tokenId}.`;
  return null;
}
