/** The sandbox channel (`sandbox.start`): "Try the sandbox" starts it and connects to it. */
import { startSandboxConnection } from '../connections/sandbox';
import type { Handler } from '../dispatch';
import type { CoreServices } from '../services';

export function sandboxHandlers(services: CoreServices): { 'sandbox.start': Handler<'sandbox.start'> } {
  return {
    'sandbox.start': async () => startSandboxConnection(services),
  };
}
