/**
 * Playwright global teardown: the secret scan over everything every spec of this run left behind
 * (secrets-scan.ts). Prints and records the figures; a hit fails the run.
 */
import { writeFigures } from '../../support/figures';
import fs from 'node:fs';
import { registryDir, scanRegistry } from './secrets-scan';

export default function secretScan(): void {
  const figures = scanRegistry();
  const file = writeFigures('secret-scan-figures', 'e2e', figures);
  console.log(
    `[secret scan] ${figures.specs.length} specs, ${figures.dataFolders} data folders (${figures.filesScanned} files), ${figures.hostOutputs} host outputs, ` +
      `${figures.pageStorageSnapshots} page-storage snapshots (${figures.pagesInSnapshots} pages), ${figures.knownSecrets} known secrets: ${figures.hits.length} found (${file})`,
  );
  if (figures.hits.length > 0) throw new Error(`Secrets found after the e2e run (registry kept in ${registryDir()}):\n  ${figures.hits.join('\n  ')}`);
  fs.rmSync(registryDir(), { recursive: true, force: true });
}
