/** The modules the wizard offers (tokens.modules), loaded when it opens; a rotated token's own modules are always offered. */
import { useCallback, useEffect, useState } from 'react';
import type { TokenView } from '../../../../common/contract';
import type { Module } from '../../../../common/domain';
import { desk } from '../../desk';
import { errorMessage } from '../../error-message';
import type { ModulesLoad } from './ModulesStep';

export function useModules(rotating: TokenView | undefined): { load: ModulesLoad; reload(): void } {
  const [load, setLoad] = useState<ModulesLoad>({ status: 'loading' });
  const reload = useCallback(() => {
    setLoad({ status: 'loading' });
    desk.call('tokens.modules').then(
      (r) => {
        const list: Module[] = [...r.modules];
        // Rotation: keep the old token's modules even if the list does not show them.
        for (const m of rotating?.modules ?? []) if (!list.some((x) => x.id === m.id)) list.push({ ...m });
        setLoad({ status: 'ready', modules: list, source: r.source, partial: r.partial });
      },
      (e: unknown) => setLoad({ status: 'error', message: errorMessage(e) }),
    );
  }, [rotating]);
  useEffect(reload, [reload]);
  return { load, reload };
}
