/**
 * The token grid's columns and how they give way when the window is narrow. Every row is its
 * own CSS grid (the rows are virtualized), so the tracks are fixed here rather than sized by
 * content; the widths are what the header labels, the longest status badge ("Disabled") and
 * the inline row actions need in the app's font.
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

export type ActionsMode = 'inline' | 'menu';

const CHECK_TRACK = '36px';
/** [minimum px, CSS track]. The name's minimum is high on purpose: names cut short cost more than Created by. */
const TRACKS: Record<Exclude<ColumnKey, 'actions'>, [number, string]> = {
  name: [220, 'minmax(220px, 2.2fr)'],
  modules: [92, 'minmax(92px, 0.8fr)'],
  createdBy: [132, 'minmax(132px, 1.1fr)'],
  createdAt: [116, '116px'],
  lastAccess: [120, '120px'],
  status: [100, '100px'],
};
const ACTIONS_TRACK: Record<ActionsMode, [number, string]> = {
  // Disable/Enable, Edit, Rotate, Copy, Delete as small buttons.
  inline: [300, 'minmax(300px, 1.3fr)'],
  // One "⋯" button, and room for the header's "Actions".
  menu: [76, '76px'],
};

/**
 * Layouts from most to least preferred; the first that fits wins. Created by gives way first,
 * then the inline actions fold into one menu, then the dates, then modules, then last access.
 * The token name, its status and its actions never give way.
 */
const PREFERENCES: readonly { actions: ActionsMode; hide: readonly ColumnKey[] }[] = [
  { actions: 'inline', hide: [] },
  { actions: 'inline', hide: ['createdBy'] },
  { actions: 'menu', hide: [] },
  { actions: 'menu', hide: ['createdBy'] },
  { actions: 'menu', hide: ['createdBy', 'createdAt'] },
  { actions: 'menu', hide: ['createdBy', 'createdAt', 'modules'] },
  { actions: 'menu', hide: ['createdBy', 'createdAt', 'modules', 'lastAccess'] },
];

export interface GridLayout {
  actions: ActionsMode;
  columns: readonly Column[];
  /** grid-template-columns of every row, the header included. */
  template: string;
  /** A stable name for the layout (tests and CSS hooks). */
  name: string;
}

function build(actions: ActionsMode, hide: readonly ColumnKey[]): GridLayout {
  const columns = COLUMNS.filter((c) => !hide.includes(c.key));
  const tracks = columns.map((c) => (c.key === 'actions' ? ACTIONS_TRACK[actions][1] : TRACKS[c.key][1]));
  return { actions, columns, template: [CHECK_TRACK, ...tracks].join(' '), name: [actions, ...hide.map((h) => `no-${h}`)].join(' ') };
}

function minWidth(actions: ActionsMode, hide: readonly ColumnKey[]): number {
  let sum = parseInt(CHECK_TRACK, 10);
  for (const c of COLUMNS) {
    if (hide.includes(c.key)) continue;
    sum += c.key === 'actions' ? ACTIONS_TRACK[actions][0] : TRACKS[c.key][0];
  }
  return sum;
}

const LAYOUTS = PREFERENCES.map((p) => ({ min: minWidth(p.actions, p.hide), layout: build(p.actions, p.hide) }));

/** The layout for a grid `width` px wide; unknown width (not laid out yet, or no layout engine): everything. */
export function layoutFor(width: number | null): GridLayout {
  if (width === null || width <= 0) return LAYOUTS[0]!.layout;
  return (LAYOUTS.find((l) => l.min <= width) ?? LAYOUTS[LAYOUTS.length - 1]!).layout;
}
