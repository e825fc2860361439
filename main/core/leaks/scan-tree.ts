/**
 * The folder scan itself, as the worker runs it (worker.ts): walk each chosen folder, read each
 * text file once, report each value found with `path:line`, and progress at a steady pace.
 * Reads only. A file with a NUL byte near its start is binary (images, archives, UTF-16) and is
 * skipped; the rest is read as Latin-1, which keeps every ASCII character of a value intact and
 * never fails on bytes that are not UTF-8.
 */
import fs from 'node:fs';
import { scanText, type BareSecrets } from './scan-text';
import { walkFolder, type SkipReason } from './walk';

export interface ScanRequest {
  folders: string[];
  maxFileBytes: number;
  bareLengths: number[];
  bareDigests: string[];
  /** How often progress is posted. */
  progressMs: number;
}

export interface ScanCounts {
  files: number;
  bytes: number;
  found: number;
  skipped: Record<SkipReason | 'binary', number>;
}

export type ScanMessage =
  | { type: 'hit'; folder: string; path: string; line: number; tokenId: string | null; secret: string }
  | { type: 'progress'; counts: ScanCounts }
  | { type: 'folderError'; folder: string; message: string }
  | { type: 'done'; counts: ScanCounts };

const BINARY_SNIFF = 8000;

export function isBinary(buf: Buffer): boolean {
  return buf.subarray(0, BINARY_SNIFF).includes(0);
}

export function scanFolders(request: ScanRequest, post: (message: ScanMessage) => void, stopped: () => boolean = () => false): void {
  const bare: BareSecrets = { lengths: new Set(request.bareLengths), digests: new Set(request.bareDigests) };
  const counts: ScanCounts = { files: 0, bytes: 0, found: 0, skipped: { unreadable: 0, outside: 0, special: 0, tooLarge: 0, binary: 0 } };
  let lastPost = Date.now();
  const progress = () => {
    const now = Date.now();
    if (now - lastPost < request.progressMs) return;
    lastPost = now;
    post({ type: 'progress', counts: structuredClone(counts) });
  };
  for (const folder of request.folders) {
    try {
      if (!fs.statSync(folder).isDirectory()) throw new Error('not a folder');
    } catch {
      post({ type: 'folderError', folder, message: `${folder} is not a folder Token Desk can read.` });
      continue;
    }
    walkFolder(folder, request.maxFileBytes, {
      stopped,
      skip: (_path, reason) => {
        counts.skipped[reason] += 1;
      },
      file: (filePath) => {
        let buf: Buffer;
        try {
          buf = fs.readFileSync(filePath);
        } catch {
          counts.skipped.unreadable += 1;
          return;
        }
        if (isBinary(buf)) {
          counts.skipped.binary += 1;
          return;
        }
        counts.files += 1;
        counts.bytes += buf.length;
        for (const hit of scanText(buf.toString('latin1'), bare)) {
          counts.found += 1;
          post({ type: 'hit', folder, path: filePath, ...hit });
        }
        progress();
      },
    });
  }
  post({ type: 'done', counts });
}
