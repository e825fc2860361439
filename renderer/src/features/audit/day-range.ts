/** The date filters' one rule (the audit log and the access log): a local calendar day as an instant range. */

/** A local calendar day (from an <input type="date">) as the first or last instant of that day, in UTC ISO. */
export function dayBound(day: string, end: boolean): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return '';
  const d = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}`);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

/** The local calendar day of an instant (dayBound's day back), '' for none: the date inputs show the filters as they are. */
export function dayOf(iso: string): string {
  const d = iso ? new Date(iso) : null;
  if (!d || Number.isNaN(d.getTime())) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(d.getFullYear()).padStart(4, '0')}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}
