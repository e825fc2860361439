/**
 * The folder scan itself, as the worker runs it (worker.ts): walk each chosen folder, read each
 * text file once, report each value found with `path:line`, and progress at a steady pace.
 * Reads only. A file with a NUL byte near its start is binary (images, archives, UTF-16) and is
 * skipped; the rest is read as Latin-1, which keeps every ASCII character of a value intact and
 * never fails on bytes that are not UTF-8.
 *
 * The scan shares the machine with the window the user types in: it reads every file into one
 * reused buffer and makes a string of a file only when it may hold a value, so the garbage
 * collector (whose helper threads take cores too) has little to do; and findings travel with
 * the progress, a few messages a second, so main's share of a scan stays small whatever it finds.
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

export interface ScanHit {
  folder: string;
  path: string;
  line: number;
  tokenId: string | null;
  secret: string;
}

/** `hits`: the findings since the previous message. */
export type ScanMessage =
  | { type: 'progress'; counts: ScanCounts; hits: ScanHit[] }
  | { type: 'folderError'; folder: string; message: string }
  | { type: 'done'; counts: ScanCounts; hits: ScanHit[] };

const BINARY_SNIFF = 8000;

export function isBinary(buf: Buffer): boolean {
  return buf.subarray(0, BINARY_SNIFF).includes(0);
}

/** Every value has this literal in it, whatever its separators are written as. */
const VALUE_MARK = 'TKN-';

/** Reads whole files into one buffer that grows to the largest file read (at most the size limit). */
export class FileReader {
  private buf = Buffer.alloc(64 * 1024);

  /** The file's bytes (up to `size`, what the walk saw), valid until the next read. */
  read(filePath: string, size: number): Buffer {
    if (size > this.buf.length) this.buf = Buffer.alloc(Math.max(size, this.buf.length * 2));
    const fd = fs.openSync(filePath, 'r');
    try {
      let n = 0;
      while (n < size) {
        const got = fs.readSync(fd, this.buf, n, size - n, null);
        if (got === 0) break;
        n += got;
      }
      return this.buf.subarray(0, n);
    } finally {
      fs.closeSync(fd);
    }
  }
}

export function scanFolders(request: ScanRequest, post: (message: ScanMessage) => void, stopped: () => boolean = () => false): void {
  const bare: BareSecrets = { lengths: new Set(request.bareLengths), digests: new Set(request.bareDigests) };
  const counts: ScanCounts = { files: 0, bytes: 0, found: 0, skipped: { unreadable: 0, outside: 0, special: 0, tooLarge: 0, binary: 0 } };
  const reader = new FileReader();
  let hits: ScanHit[] = [];
  let lastPost = Date.now();
  const progress = () => {
    const now = Date.now();
    if (now - lastPost < request.progressMs) return;
    lastPost = now;
    post({ type: 'progress', counts: structuredClone(counts), hits });
    hits = [];
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
      file: (filePath, size) => {
        let buf: Buffer;
        try {
          buf = reader.read(filePath, size);
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
        // Without stored bare secrets to look for, a file without the mark holds no value.
        if (bare.lengths.size > 0 || buf.includes(VALUE_MARK, 0, 'latin1')) {
          for (const hit of scanText(buf.toString('latin1'), bare)) {
            counts.found += 1;
            hits.push({ folder, path: filePath, ...hit });
          }
        }
        progress();
      },
    });
  }
  post({ type: 'done', counts, hits });
}
