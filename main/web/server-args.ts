/**
 * The command line of the browser host (`npm run serve -- …`, dist/web/server.cjs).
 * It imports nothing: scripts/serve.mjs reads this file before anything is built, so
 * `--help` answers at once and a mistyped flag is refused without a build.
 */

export const SERVER_USAGE = `Usage: npm run serve -- [options]
Starts the browser host: Token Desk in your browser, served on 127.0.0.1.
Open the URL it prints (the part after # is the access secret).

Options:
  --port <n>         port to listen on (default: a free port)
  --data-dir <path>  folder for the settings and cache files
                     (default: token-desk/browser-host in your user config folder)
  --rotation-check-interval <seconds>
                     shortest time between two looks at an old token that a
                     "when quiet" rotation plan waits for, 1 to 60 (default: 60;
                     shorter is for tests, each look is one request)
  -h, --help         show this text

Environment:
  TOKEN_DESK_KEYCHAIN_SERVICE  keychain service name for secrets (default: token-desk-web,
                               the desktop app's own is token-desk)`;

export type ServerArgs = { help: true } | { help: false; port: number; dataDir?: string; rotationCheckMs?: number };

/** Reads the flags; throws an Error whose message names the flag and what is wrong with it. */
export function parseServerArgs(argv: readonly string[]): ServerArgs {
  let port = 0;
  let dataDir: string | undefined;
  let rotationCheckMs: number | undefined;
  const args = [...argv];
  while (args.length > 0) {
    const arg = args.shift()!;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq !== -1 ? arg.slice(0, eq) : arg;
    const inline = flag === arg ? undefined : arg.slice(eq + 1);
    const value = (): string => {
      // A flag where the value should be means the value was left out.
      const v = inline ?? (args[0]?.startsWith('--') ? undefined : args.shift());
      if (v === undefined || v === '') throw new Error(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return { help: true };
      case '--port': {
        const raw = value();
        if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) throw new Error(`--port: "${raw}" is not a port number (0 to 65535).`);
        port = Number(raw);
        break;
      }
      case '--data-dir':
        dataDir = value();
        break;
      case '--rotation-check-interval': {
        const raw = value();
        if (!/^\d{1,2}$/.test(raw) || Number(raw) < 1 || Number(raw) > 60) throw new Error(`--rotation-check-interval: "${raw}" is not a whole number of seconds from 1 to 60.`);
        rotationCheckMs = Number(raw) * 1000;
        break;
      }
      default:
        throw new Error(arg.startsWith('-') ? `Unknown option ${flag}.` : `Unexpected argument "${arg}".`);
    }
  }
  return { help: false, port, ...(dataDir === undefined ? {} : { dataDir }), ...(rotationCheckMs === undefined ? {} : { rotationCheckMs }) };
}
