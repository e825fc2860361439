/** The sandbox channel (`sandbox.start`): "Try the sandbox" starts it and connects to it. */
import { startSandboxConnection, type SandboxServices } from '../connections/sandbox';
import type { Handler } from '../dispatch';

export function sandboxHandlers(services: SandboxServices): { 'sandbox.start': Handler<'sandbox.start'> } {
  return {
    'sandbox.start': async () => startSandboxConnection(services),
  };
}
