/** Where the browser host keeps its files when no --data-dir is given (the OS's per-user config folder). */
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Token Desk', 'browser-host');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Token Desk', 'browser-host');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'token-desk', 'browser-host');
}
