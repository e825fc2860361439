/**
 * The token grid's columns and how they give way when the window is narrow. Every row is its
 * own CSS grid (the rows are virtualized), so the tracks are fixed here rather than sized by
 * content; the widths are what the header labels, the longest status badge ("Disabled") and
 * the row's two action buttons need in the app's font.
 */
import type { SortKey } from '../../../../../common/token-sort';

/** Each sortable column is named after its sort; the actions column has none. */
export type ColumnKey = SortKey | 'actions';

export interface Column {
  key: ColumnKey;
  sort: SortKey | null;
  label: string;
  /** aria-colindex: stays the column's place among all columns when others are hidden. */
  colIndex: number;
}

/** In display order. Column 1 (aria-colindex 1) is the selection checkbox. */
export const COLUMNS: readonly Column[] = [
  { key: 'name', sort: 'name', label: 'API token', colIndex: 2 },
  { key: 'modules', sort: 'modules', label: 'Modules', colIndex: 3 },
  { key: 'createdBy', sort: 'createdBy', label: 'Created by', colIndex: 4 },
  { key: 'createdAt', sort: 'createdAt', label: 'Date created', colIndex: 5 },
  { key: 'lastAccess', sort: 'lastAccess', label: 'Last access', colIndex: 6 },
  { key: 'status', sort: 'status', label: 'Status', colIndex: 7 },
  { key: 'actions', sort: null, label: 'Actions', colIndex: 8 },
];

export const TOTAL_COLUMNS = COLUMNS.length + 1;

const CHECK_TRACK = '36px';
/**
 * [minimum px, CSS track]. Each minimum holds its header label with the sort arrow and its
 * longest usual cell whole ("10 months ago", a module's name, an actor id, the "Disabled"
 * badge) in the app's font, so nothing is cut where the column is shown; where a column would
 * need less, it gives way instead. The name's minimum also holds a token id beside the badge
 * of the token the connection signs in with; names cut short cost more than Created by.
 */
const TRACKS: Record<ColumnKey, [number, string]> = {
  name: [300, 'minmax(300px, 2.2fr)'],
  modules: [148, 'minmax(148px, 0.8fr)'],
  createdBy: [128, 'minmax(128px, 1.1fr)'],
  createdAt: [124, '124px'],
  lastAccess: [124, '124px'],
  status: [96, '96px'],
  // Copy value (or its empty slot) and the "⋯" menu.
  actions: [76, '76px'],
};

/**
 * Layouts from most to least preferred; the first that fits wins. Created by gives way first,
 * then the dates, then modules, then last access. The token name, its status and its actions
 * never give way.
 */
const PREFERENCES: readonly (readonly ColumnKey[])[] = [
  [],
  ['createdBy'],
  ['createdBy', 'createdAt'],
  ['createdBy', 'createdAt', 'modules'],
  ['createdBy', 'createdAt', 'modules', 'lastAccess'],
];

export interface GridLayout {
  columns: readonly Column[];
  /** grid-template-columns of every row, the header included. */
  template: string;
  /** A stable name for the layout (tests and CSS hooks): "full", or the columns that gave way. */
  name: string;
}

function build(hide: readonly ColumnKey[]): GridLayout {
  const columns = COLUMNS.filter((c) => !hide.includes(c.key));
  const tracks = columns.map((c) => TRACKS[c.key][1]);
  return { columns, template: [CHECK_TRACK, ...tracks].join(' '), name: hide.length === 0 ? 'full' : hide.map((h) => `no-${h}`).join(' ') };
}

/** The narrowest grid a layout fits in. */
export function minWidth(hide: readonly ColumnKey[]): number {
  let sum = parseInt(CHECK_TRACK, 10);
  for (const c of COLUMNS) if (!hide.includes(c.key)) sum += TRACKS[c.key][0];
  return sum;
}

const LAYOUTS = PREFERENCES.map((hide) => ({ min: minWidth(hide), layout: build(hide) }));

/** The layout for a grid `width` px wide; unknown width (not laid out yet, or no layout engine): everything. */
export function layoutFor(width: number | null): GridLayout {
  if (width === null || width <= 0) return LAYOUTS[0]!.layout;
  return (LAYOUTS.find((l) => l.min <= width) ?? LAYOUTS[LAYOUTS.length - 1]!).layout;
}
