/**
 * The folder walk of a leak scan: every regular file under a chosen folder that may hold text.
 *
 * Synchronous on purpose: it runs in the scan's worker (scan-tree.ts), where blocking is free
 * and the sync calls are the fastest. It only ever reads: no file is opened for writing, no
 * time stamp is touched beyond what a read does.
 *
 * - `.git` internals and `node_modules` are skipped whole: packed objects are compressed (no
 *   value to see) and dependencies are someone else's code, and both are huge.
 * - A link is followed only when its target is inside the chosen folder; a directory is entered
 *   once by its real path, so a link loop ends.
 * - Anything that is not a regular file (a FIFO would block the read forever, a device is
 *   endless) is left out; an unreadable entry is counted and the walk goes on.
 */
import fs from 'node:fs';
import path from 'node:path';

export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['.git', 'node_modules']);

export type SkipReason = 'unreadable' | 'outside' | 'special' | 'tooLarge';

export interface WalkVisitor {
  file(filePath: string, size: number): void;
  skip(entryPath: string, reason: SkipReason): void;
  /** Checked between entries: true ends the walk. */
  stopped(): boolean;
}

function inside(root: string, real: string): boolean {
  return real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

function inSkippedDir(root: string, real: string): boolean {
  return path.relative(root, real).split(path.sep).some((part) => SKIPPED_DIRS.has(part));
}

/** Walks `folder` (which must be a directory); files over `maxFileBytes` are reported skipped. */
export function walkFolder(folder: string, maxFileBytes: number, visit: WalkVisitor): void {
  const root = fs.realpathSync(folder);
  const seenDirs = new Set<string>([root]);
  const seenFiles = new Set<string>();
  const stack: string[] = [root];
  while (stack.length > 0) {
    if (visit.stopped()) return;
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      visit.skip(dir, 'unreadable');
      continue;
    }
    // Reverse so the stack visits names in directory order (stable reports).
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i]!;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) pushDir(full);
      } else if (entry.isFile()) {
        addFile(full, full);
      } else if (entry.isSymbolicLink()) {
        followLink(full);
      } else {
        visit.skip(full, 'special');
      }
    }
  }

  // Every directory on the stack is a real path (the root is, and links are resolved), so a loop meets its start again.
  function pushDir(real: string): void {
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    stack.push(real);
  }

  function addFile(shown: string, real: string): void {
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    let size: number;
    try {
      size = fs.statSync(real).size;
    } catch {
      visit.skip(shown, 'unreadable');
      return;
    }
    if (size > maxFileBytes) visit.skip(shown, 'tooLarge');
    else visit.file(shown, size);
  }

  function followLink(full: string): void {
    let real: string;
    let stat: fs.Stats;
    try {
      real = fs.realpathSync(full);
      stat = fs.statSync(real);
    } catch {
      // A dangling link or a loop the OS itself refuses (ELOOP).
      visit.skip(full, 'unreadable');
      return;
    }
    if (!inside(root, real)) visit.skip(full, 'outside');
    else if (inSkippedDir(root, real)) return; // a link into node_modules or .git is that folder again
    else if (stat.isDirectory()) pushDir(real);
    else if (stat.isFile()) addFile(real, real); // reported where it really is, whichever path came first
    else visit.skip(full, 'special');
  }
}
