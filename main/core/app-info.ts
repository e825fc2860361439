import pkg from '../../package.json';
import type { AppInfo, HostKind } from '../../common/contract';

export const APP_NAME = 'Token Desk';
export const APP_VERSION: string = pkg.version;

/** Facts about the running app. Electron passes its own versions; the browser host has none. */
export function readAppInfo(hostKind: HostKind, versions: NodeJS.ProcessVersions = process.versions): AppInfo {
  const runtime: AppInfo['runtime'] = { node: versions.node };
  const electron = (versions as Record<string, string | undefined>).electron;
  const chrome = (versions as Record<string, string | undefined>).chrome;
  if (electron) runtime.electron = electron;
  if (chrome) runtime.chrome = chrome;
  return { name: APP_NAME, version: APP_VERSION, platform: process.platform, arch: process.arch, hostKind, runtime };
}
