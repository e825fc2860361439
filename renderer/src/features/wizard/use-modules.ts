/** The modules the wizard offers (tokens.modules), loaded when it opens. */
import { useCallback, useEffect, useState } from 'react';
import { desk } from '../../desk';
import { errorMessage } from '../../error-message';
import type { ModulesLoad } from './ModulesStep';

export function useModules(): { load: ModulesLoad; reload(): void } {
  const [load, setLoad] = useState<ModulesLoad>({ status: 'loading' });
  const reload = useCallback(() => {
    setLoad({ status: 'loading' });
    desk.call('tokens.modules').then(
      (r) => setLoad({ status: 'ready', modules: [...r.modules], source: r.source, partial: r.partial }),
      (e: unknown) => setLoad({ status: 'error', message: errorMessage(e) }),
    );
  }, []);
  useEffect(reload, [reload]);
  return { load, reload };
}
