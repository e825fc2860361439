/** Playwright global setup: this run's own registry for the secret scan (see secrets-scan.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { registryBase } from './secrets-scan';

export default function startSecretScan(): void {
  const dir = path.join(registryBase(), `run-${process.pid}-${Date.now()}`);
  fs.mkdirSync(dir, { recursive: true });
  // Workers inherit the environment the global setup leaves.
  process.env.TOKEN_DESK_SECRET_SCAN_RUN = dir;
}
