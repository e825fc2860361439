/**
 * Modules: /public/v1/accounts/modules. Documented as ops-only; client and vendor tokens may
 * get 403 here (marketplace-api.md §4), which surfaces as DeskError 'forbidden'.
 */
import { moduleSchema, type Module } from '../../../common/domain';
import type { HttpClient } from './http';
import { fetchAll, listFetcher, type FetchAllOptions } from './pagination';
import type { QueryParts } from './rql';

export const MODULES_PATH = '/public/v1/accounts/modules';

export type ModuleListQuery = Omit<QueryParts, 'extra'>;

export interface ModulesApi {
  listAll(query?: Omit<ModuleListQuery, 'limit' | 'offset'>, opts?: FetchAllOptions): Promise<Module[]>;
}

export function createModulesApi(http: HttpClient): ModulesApi {
  return {
    listAll(query = {}, opts = {}) {
      return fetchAll(listFetcher(http, MODULES_PATH, query, moduleSchema), opts);
    },
  };
}
