/**
 * The secret scan: after the whole e2e run (every spec), nothing the app wrote or showed may hold
 * a token value or an admin token. Specs do not have to remember it:
 *   - every browser host started through web-host.ts registers its data folder, and its output
 *     is appended to the run's log as it comes (recordHostRun);
 *   - a page's storage (cookies incl. HttpOnly, localStorage, sessionStorage, IndexedDB) is
 *     captured before its context closes (recordPageStorage: host.ts's apps do it on stop);
 *   - secrets a spec knows (sandbox admin tokens, created values) can be added (recordKnownSecrets);
 * and the global teardown (secrets-scan-teardown.ts) scans all of it — for the known secrets and
 * for ANY token value by its format (common/token-value.ts), so a value the spec never saw is
 * caught too — writes the counts to .tmp/figures/secret-scan-figures.json and fails the run on a hit.
 * Each run's registry is a folder of its own under .tmp/secret-scan/ (made by the global setup,
 * removed by the teardown after a clean scan).
 */
import fs from 'node:fs';
import path from 'node:path';
import { test } from '@playwright/test';
import type { BrowserContext } from '@playwright/test';
import { maskTokenValues } from '../../../common/token-value';

const root = path.resolve(__dirname, '..', '..', '..');
/** Where every run keeps its registry; each run gets its own folder (runs may overlap on a shared machine). */
export const registryBase = (): string => path.resolve(root, process.env.TOKEN_DESK_SECRET_SCAN_DIR ?? '.tmp/secret-scan');
/** This run's folder: the global setup names it in the environment, which Playwright hands to its workers. */
export const registryDir = (): string => process.env.TOKEN_DESK_SECRET_SCAN_RUN ?? path.join(registryBase(), 'outside-a-run');

export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every place (file path or label) where one of the secrets occurs. */
export function findSecrets(secrets: string[], sources: { label: string; text: string }[]): string[] {
  const hits: string[] = [];
  for (const { label, text } of sources) {
    for (const secret of secrets) {
      // The secret part alone counts too: a value split or re-encoded must not slip through.
      const secretPart = secret.split(':').pop() ?? secret;
      if (text.includes(secret) || (secretPart.length >= 16 && text.includes(secretPart))) hits.push(`${label} contains ${secret.slice(0, 18)}…`);
    }
  }
  return hits;
}

/** Every place holding something in the token-value format, whoever's value it is. */
export function findTokenValues(sources: { label: string; text: string }[]): string[] {
  // The app's own masking rule finds them: a text it would change holds one.
  return sources.filter((s) => maskTokenValues(s.text) !== s.text).map((s) => `${s.label} holds a token value`);
}

export function dataDirSources(dataDir: string): { label: string; text: string }[] {
  return filesUnder(dataDir).map((file) => ({ label: file, text: fs.readFileSync(file, 'latin1') }));
}

// ---- the run's registry --------------------------------------------------------------------------

let seq = 0;
const entry = (kind: string) => path.join(registryDir(), kind, `${process.pid}-${Date.now()}-${++seq}`);
function currentSpec(): string {
  try {
    // Inside a test or hook; outside one (a worker fixture) there is no current spec.
    return path.relative(root, test.info().file);
  } catch {
    return 'unknown spec';
  }
}

/** Registers a host's data folder; returns where to append its output (synchronously, so nothing is lost on a crash). */
export function recordHostRun(dataDir: string): (chunk: string | Buffer) => void {
  const base = entry('hosts');
  fs.mkdirSync(path.dirname(base), { recursive: true });
  fs.writeFileSync(`${base}.json`, JSON.stringify({ spec: currentSpec(), dataDir }));
  const log = `${base}.log`;
  fs.writeFileSync(log, '');
  return (chunk) => {
    try {
      fs.appendFileSync(log, chunk);
    } catch {
      // The registry is gone (removed by hand): the spec must not fail for it; the scan will say what it saw.
    }
  };
}

/** Secrets the scan must look for besides the token-value format (e.g. a bare secret part). */
export function recordKnownSecrets(secrets: string[]): void {
  if (secrets.length === 0) return;
  const base = entry('secrets');
  fs.mkdirSync(path.dirname(base), { recursive: true });
  fs.writeFileSync(`${base}.json`, JSON.stringify(secrets));
}

/** What every page of `context` keeps: cookies (HttpOnly too), local/session storage and IndexedDB. */
export async function recordPageStorage(context: BrowserContext): Promise<void> {
  const pages: unknown[] = [];
  for (const page of context.pages()) {
    if (page.isClosed()) continue;
    const dump = await page
      .evaluate(async () => {
        const all = (s: Storage) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i)!).map((k) => [k, s.getItem(k)]));
        const idb: Record<string, unknown> = {};
        for (const info of (await indexedDB.databases?.()) ?? []) {
          if (!info.name) continue;
          const db = await new Promise<IDBDatabase>((ok, fail) => {
            const req = indexedDB.open(info.name!);
            req.onsuccess = () => ok(req.result);
            req.onerror = () => fail(req.error);
          });
          for (const store of Array.from(db.objectStoreNames)) {
            idb[`${info.name}/${store}`] = await new Promise((ok) => {
              const req = db.transaction(store).objectStore(store).getAll();
              req.onsuccess = () => ok(req.result);
              req.onerror = () => ok(`unreadable: ${String(req.error)}`);
            });
          }
          db.close();
        }
        return { url: location.href, localStorage: all(localStorage), sessionStorage: all(sessionStorage), indexedDB: idb };
      })
      .catch((error: unknown) => ({ unreadable: String(error) }));
    pages.push(dump);
  }
  const cookies = await context.cookies().catch(() => []);
  const base = entry('storage');
  fs.mkdirSync(path.dirname(base), { recursive: true });
  fs.writeFileSync(`${base}.json`, JSON.stringify({ spec: currentSpec(), cookies, pages }));
}

// ---- the scan ------------------------------------------------------------------------------------

export interface SecretScanFigures {
  specs: string[];
  dataFolders: number;
  filesScanned: number;
  hostOutputs: number;
  pageStorageSnapshots: number;
  pagesInSnapshots: number;
  knownSecrets: number;
  hits: string[];
}

export function scanRegistry(): SecretScanFigures {
  const dir = registryDir();
  const list = (kind: string, ext: string) => filesUnder(path.join(dir, kind)).filter((f) => f.endsWith(ext));
  const specs = new Set<string>();
  const sources: { label: string; text: string }[] = [];
  let dataFolders = 0;
  for (const meta of list('hosts', '.json')) {
    const { spec, dataDir } = JSON.parse(fs.readFileSync(meta, 'utf8')) as { spec: string; dataDir: string };
    specs.add(spec);
    dataFolders++;
    sources.push(...dataDirSources(dataDir).map((s) => ({ label: `${spec}: data ${s.label}`, text: s.text })));
    sources.push({ label: `${spec}: host output ${path.basename(meta, '.json')}`, text: fs.readFileSync(meta.replace(/\.json$/, '.log'), 'utf8') });
  }
  const dataFiles = sources.filter((s) => s.label.includes(': data ')).length;
  let pagesInSnapshots = 0;
  const storage = list('storage', '.json');
  for (const file of storage) {
    const text = fs.readFileSync(file, 'utf8');
    const { spec, pages } = JSON.parse(text) as { spec: string; pages: unknown[] };
    specs.add(spec);
    pagesInSnapshots += pages.length;
    sources.push({ label: `${spec}: page storage ${path.basename(file)}`, text });
  }
  const known = [...new Set(list('secrets', '.json').flatMap((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as string[]))];
  const hits = [...new Set([...findTokenValues(sources), ...findSecrets(known, sources)])];
  return {
    specs: [...specs].sort(),
    dataFolders,
    filesScanned: dataFiles,
    hostOutputs: dataFolders,
    pageStorageSnapshots: storage.length,
    pagesInSnapshots,
    knownSecrets: known.length,
    hits,
  };
}
