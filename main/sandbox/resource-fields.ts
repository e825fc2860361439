/** RQL field specs of the three resources, mirroring the API shapes the views produce. */
import { arr, leaf, obj, type FieldSpec } from './rql/fields';

const identity = obj({ id: leaf, name: leaf, icon: leaf });
const event = obj({ at: leaf, by: identity });

export const TOKEN_FIELDS: FieldSpec = obj({
  id: leaf,
  name: leaf,
  description: leaf,
  icon: leaf,
  status: leaf,
  revision: leaf,
  lastAccessAt: leaf,
  token: leaf,
  account: obj({ id: leaf, name: leaf, icon: leaf, type: leaf, status: leaf }),
  modules: arr(obj({ id: leaf, name: leaf, description: leaf })),
  extensions: arr(obj({ id: leaf, name: leaf })),
  audit: obj({ created: event, updated: event }),
});
/** `audit` is left out of token lists unless `select=audit` (§5.1, CONFIRMED "often omitted"). */
export const TOKEN_LIST_OMITTED = ['audit'];

export const MODULE_FIELDS: FieldSpec = obj({
  id: leaf,
  name: leaf,
  code: leaf,
  description: leaf,
  accountTypes: arr(leaf),
  settings: obj({ sharedAccount: leaf, configurable: leaf, default: leaf, paid: leaf, type: arr(leaf) }),
  filters: obj({ 'group.buyers': arr(leaf) }),
});

export const AUDIT_FIELDS: FieldSpec = obj({
  id: leaf,
  event: leaf,
  summary: leaf,
  details: leaf,
  object: obj({ id: leaf, name: leaf, icon: leaf, objectType: leaf }),
  timestamp: leaf,
  actor: obj({ id: leaf, name: leaf, icon: leaf, account: obj({ id: leaf, name: leaf, icon: leaf, accountType: leaf }) }),
  type: leaf,
  viewers: arr(obj({ id: leaf, name: leaf, type: leaf, icon: leaf })),
});
