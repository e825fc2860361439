/** A token (or any object) status as a coloured badge with its text (colour is never the only cue). */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`status-badge status-${status.toLowerCase()}`}>{status}</span>;
}
