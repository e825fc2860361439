/** electron-builder.yml (and the workflows), parsed by the YAML library electron-builder itself reads its config with. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const yaml = createRequire(createRequire(__filename).resolve('app-builder-lib'))('js-yaml') as { load(text: string): unknown };

export interface BuilderConfig {
  electronFuses?: Record<string, boolean>;
  npmRebuild?: boolean;
  directories?: { buildResources?: string; output?: string };
  win?: { icon?: string; target?: unknown };
  mac?: { icon?: string; target?: unknown; hardenedRuntime?: boolean; entitlements?: string; entitlementsInherit?: string };
  linux?: { icon?: string; target?: unknown };
  deb?: { depends?: string[]; recommends?: string[] };
}

/** The plist parser electron-builder signs with. */
export const parsePlist = createRequire(createRequire(__filename).resolve('app-builder-lib'))('plist').parse as (text: string) => unknown;

export const loadYaml = (text: string): unknown => yaml.load(text);
export const builderConfig = (): BuilderConfig => loadYaml(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
