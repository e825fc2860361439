/**
 * Reading the compact token table (token-table.ts) back as tokens: one row, or every row.
 */
import { fromStamp, TOKEN_STATUSES, tableSize, type TableToken, type TokenTable } from './token-table';

type ModuleList = TableToken['modules'];

/**
 * A row's modules. Rows with the same modules share one (read-only) list: a list has a few
 * dozen distinct sets, and an array per row would be garbage to collect while the list opens.
 */
function modulesOf(indexes: number[] | undefined, refs: TableRefs): ModuleList {
  if (!indexes || indexes.length === 0) return refs.noModules;
  // Key: the indexes as one number while that is exact, else as text.
  let key: number | string = 0;
  const base = refs.modules.length + 1;
  for (let k = 0; k < indexes.length; k++) key = key * base + indexes[k]! + 1;
  if (!Number.isSafeInteger(key)) key = indexes.join(',');
  let list = refs.moduleSets.get(key);
  if (!list) {
    list = [];
    for (let k = 0; k < indexes.length; k++) {
      const m = refs.modules[indexes[k]!];
      if (m) list.push(m);
    }
    refs.moduleSets.set(key, list);
  }
  return list;
}

/** Row `i` as a token; references are shared objects (treat them as read-only). */
export function rowOf(t: TokenTable, i: number, refs: TableRefs = tableRefs(t)): TableToken {
  const token: TableToken = {
    id: t.id[i] as string,
    name: t.texts[t.name[i] as number] as string,
    description: t.texts[t.description[i] as number] ?? null,
    icon: t.icon[i] ?? null,
    status: TOKEN_STATUSES[t.status[i] as number] ?? 'Active',
    lastAccessAt: fromStamp(t.lastAccessAt[i]),
    account: refs.accounts[t.account[i] as number] ?? { id: '' },
    modules: modulesOf(t.modules[i], refs),
  };
  const createdAt = t.createdAt[i];
  const updatedAt = t.updatedAt[i];
  const audit: NonNullable<TableToken['audit']> = {};
  if (createdAt != null || (t.createdBy[i] ?? -1) >= 0) audit.created = { at: fromStamp(createdAt), by: refs.people[t.createdBy[i] as number] ?? null };
  if (updatedAt != null || (t.updatedBy[i] ?? -1) >= 0) audit.updated = { at: fromStamp(updatedAt), by: refs.people[t.updatedBy[i] as number] ?? null };
  if (audit.created || audit.updated) token.audit = audit;
  const revision = t.revision[i];
  if (revision != null) token.revision = revision;
  return token;
}

/**
 * The reference tables as objects, built once per expansion. A reference's null and absent
 * fields read the same in the app, so both come back absent.
 */
export interface TableRefs {
  accounts: Array<TableToken['account']>;
  people: Array<{ id: string; name?: string }>;
  modules: ModuleList;
  moduleSets: Map<number | string, ModuleList>;
  noModules: ModuleList;
}

export function tableRefs(t: TokenTable): TableRefs {
  return {
    moduleSets: new Map(),
    noModules: [],
    accounts: t.accountRefs.map(([id, name, type, status, icon]) => present({ id, name, type, status, icon }) as TableToken['account']),
    people: t.peopleRefs.map(([id, name, icon]) => present({ id, name, icon }) as { id: string; name?: string }),
    modules: t.moduleRefs.map(([id, name, description]) => present({ id, name, description }) as TableToken['modules'][number]),
  };
}

function present(o: Record<string, unknown>): Record<string, unknown> {
  for (const k of Object.keys(o)) if (o[k] === null) delete o[k];
  return o;
}

/** Every row as a token. */
export function fromTable(t: TokenTable): TableToken[] {
  const refs = tableRefs(t);
  const out = new Array<TableToken>(tableSize(t));
  for (let i = 0; i < out.length; i++) out[i] = rowOf(t, i, refs);
  return out;
}
