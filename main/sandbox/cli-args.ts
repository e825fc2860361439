/** Command-line flags of `npm run sandbox` (kept apart from cli.ts so it can be unit tested). */
import type { FaultOptions, SandboxOptions } from './options';

export const USAGE = `Usage: npm run sandbox -- [options]
  --host <addr>            listen address (default 127.0.0.1)
  --port <n>               port (default 0 = random free port)
  --seed <n>               sample data seed (default 1)
  --tokens <n>             sample tokens per account (default 25)
  --no-audit-history       no historic audit records
  --audit-records <n>      at least n historic audit records per account (e.g. 100000)
  --legacy-reveal          GET/list return token values (old API behaviour)
  --wrong-state <mode>     error (400, default) | noop (200) for enable-on-Active etc.
  --latency <ms>           added delay per request
  --error-rate <0..1>      share of 500/502/503 answers
  --rate-limit-rate <0..1> share of 429 answers
  --retry-after <s>        Retry-After of the 429 answers (default 1)
  --drop-rate <0..1>       share of dropped connections
  --drop-phase <phase>     after (default, processed then dropped) | before
  --malformed-rate <0..1>  share of GETs answered with truncated JSON
  --fault-seed <n>         seed of the fault choice
  --help                   this text`;

export type CliParse = { help: true } | { help: false; options: SandboxOptions };

export function parseCliArgs(argv: readonly string[]): CliParse {
  const options: SandboxOptions = {};
  const faults: FaultOptions = {};
  const args = [...argv];
  while (args.length > 0) {
    const arg = args.shift() as string;
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const value = (): string => {
      const v = inline ?? args.shift();
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const num = (min: number, max = Number.MAX_SAFE_INTEGER): number => {
      const raw = value();
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new Error(`${flag}: "${raw}" is not a number in [${min}, ${max}]`);
      return n;
    };
    switch (flag) {
      case '--help':
      case '-h':
        return { help: true };
      case '--host':
        options.host = value();
        break;
      case '--port':
        options.port = num(0, 65535);
        break;
      case '--seed':
        options.seed = num(0);
        break;
      case '--tokens':
        options.tokensPerAccount = num(0, 1_000_000);
        break;
      case '--no-audit-history':
        options.auditHistory = false;
        break;
      case '--audit-records':
        options.auditRecordsPerAccount = num(0, 1_000_000);
        break;
      case '--legacy-reveal':
        options.legacyReveal = true;
        break;
      case '--wrong-state': {
        const mode = value();
        if (mode !== 'error' && mode !== 'noop') throw new Error('--wrong-state must be error or noop');
        options.wrongStateMode = mode;
        break;
      }
      case '--latency':
        faults.latencyMs = num(0);
        break;
      case '--error-rate':
        faults.errorRate = num(0, 1);
        break;
      case '--rate-limit-rate':
        faults.rateLimitRate = num(0, 1);
        break;
      case '--retry-after':
        faults.retryAfterSeconds = num(0);
        break;
      case '--drop-rate':
        faults.dropRate = num(0, 1);
        break;
      case '--drop-phase': {
        const phase = value();
        if (phase !== 'before' && phase !== 'after') throw new Error('--drop-phase must be before or after');
        faults.dropPhase = phase;
        break;
      }
      case '--malformed-rate':
        faults.malformedRate = num(0, 1);
        break;
      case '--fault-seed':
        faults.seed = num(0);
        break;
      default:
        throw new Error(`Unknown option ${arg}`);
    }
  }
  if (Object.keys(faults).length > 0) options.faults = faults;
  return { help: false, options };
}
