/**
 * Modules: /public/v1/accounts/modules. Documented as ops-only; client and vendor tokens may
 * get 403 here (marketplace-api.md §4), which surfaces as DeskError 'forbidden'.
 */
import { moduleSchema, type ListPage, type Module } from '../../../common/domain';
import type { CallOptions, HttpClient } from './http';
import { fetchAll, fetchPageOnce, listFetcher, type FetchAllOptions } from './pagination';
import { idSegment, parseBody } from './parse';
import type { QueryParts } from './rql';

export const MODULES_PATH = '/public/v1/accounts/modules';

export type ModuleListQuery = Omit<QueryParts, 'extra'>;

export interface ModulesApi {
  list(query?: ModuleListQuery, opts?: CallOptions): Promise<ListPage<Module>>;
  listAll(query?: Omit<ModuleListQuery, 'limit' | 'offset'>, opts?: FetchAllOptions): Promise<Module[]>;
  get(id: string, opts?: CallOptions): Promise<Module>;
}

export function createModulesApi(http: HttpClient): ModulesApi {
  return {
    list(query = {}, opts) {
      const { limit = 100, offset = 0, ...rest } = query;
      return fetchPageOnce(listFetcher(http, MODULES_PATH, rest, moduleSchema), offset, limit, opts?.signal);
    },
    listAll(query = {}, opts = {}) {
      return fetchAll(listFetcher(http, MODULES_PATH, query, moduleSchema), opts);
    },
    async get(id, opts) {
      const res = await http.request({ method: 'GET', path: `${MODULES_PATH}/${idSegment(id, 'module')}`, ...(opts?.signal ? { signal: opts.signal } : {}) });
      return parseBody(moduleSchema, res.body, 'a module');
    },
  };
}
