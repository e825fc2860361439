import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FileReader, scanFolders, type ScanMessage, type ScanRequest } from '../../../main/core/leaks/scan-tree';
import { walkFolder, type SkipReason } from '../../../main/core/leaks/walk';

const secret = (c: string) => c.repeat(64);
const value = (id: string, c: string) => `idt:${id}:${secret(c)}`;

let tmp: string;
let root: string;
beforeEach(() => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-walk-')));
  root = path.join(tmp, 'project');
  fs.mkdirSync(root);
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function write(rel: string, text: string | Buffer) {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

function walk(max = 5 * 1024 * 1024) {
  const files: string[] = [];
  const skipped: [string, SkipReason][] = [];
  walkFolder(root, max, { file: (p) => files.push(path.relative(root, p)), skip: (p, r) => skipped.push([path.relative(root, p), r]), stopped: () => false });
  return { files: files.sort(), skipped };
}

function scan(extra: Partial<ScanRequest> = {}) {
  const messages: ScanMessage[] = [];
  scanFolders({ folders: [root], maxFileBytes: 5 * 1024 * 1024, bareLengths: [], bareDigests: [], progressMs: 0, ...extra }, (m) => messages.push(m));
  const hits = messages.flatMap((m) => (m.type === 'folderError' ? [] : m.hits.map((h) => `${path.relative(root, h.path)}:${h.line}:${h.tokenId}`)));
  const done = messages.find((m) => m.type === 'done');
  return { hits, done: done?.type === 'done' ? done.counts : undefined, messages };
}

describe('walkFolder', () => {
  it('visits text files and skips .git internals and node_modules whole', () => {
    write('a.txt', 'x');
    write('src/b.ts', 'y');
    write('.git/config', 'z');
    write('node_modules/pkg/index.js', 'w');
    write('src/node_modules/deep/x.js', 'w');
    write('.github/workflows/ci.yml', 'v');
    expect(walk().files).toEqual(['.github/workflows/ci.yml', 'a.txt', 'src/b.ts']);
  });

  it('follows links inside the folder once, never a link out of it', () => {
    write('real/inner.txt', 'x');
    fs.writeFileSync(path.join(tmp, 'outside.txt'), 'secret stuff');
    fs.mkdirSync(path.join(tmp, 'outdir'));
    fs.symlinkSync(path.join(tmp, 'outside.txt'), path.join(root, 'out-file'));
    fs.symlinkSync(path.join(tmp, 'outdir'), path.join(root, 'out-dir'));
    fs.symlinkSync(path.join(root, 'real'), path.join(root, 'alias'));
    fs.symlinkSync(path.join(root, 'real', 'inner.txt'), path.join(root, 'inner-link.txt'));
    const { files, skipped } = walk();
    expect(files).toEqual(['real/inner.txt']);
    expect(skipped).toEqual(expect.arrayContaining([['out-file', 'outside'], ['out-dir', 'outside']]));
  });

  it('ends on link loops', () => {
    write('a/b/file.txt', 'x');
    fs.symlinkSync(path.join(root, 'a'), path.join(root, 'a', 'b', 'up'));
    fs.symlinkSync(root, path.join(root, 'a', 'self'));
    fs.symlinkSync(path.join(root, 'loop2'), path.join(root, 'loop1'));
    fs.symlinkSync(path.join(root, 'loop1'), path.join(root, 'loop2'));
    const { files, skipped } = walk();
    expect(files).toEqual(['a/b/file.txt']);
    expect(skipped).toEqual(expect.arrayContaining([['loop1', 'unreadable'], ['loop2', 'unreadable']]));
  });

  it('reports files over the size limit as skipped', () => {
    write('small.txt', 'x'.repeat(10));
    write('big.log', 'x'.repeat(2000));
    expect(walk(1000)).toEqual({ files: ['small.txt'], skipped: [['big.log', 'tooLarge']] });
  });

  it('leaves out FIFOs and survives an unreadable folder', () => {
    write('ok.txt', 'x');
    fs.mkdirSync(path.join(root, 'locked'));
    write('locked/hidden.txt', 'x');
    const fifo = path.join(root, 'pipe');
    const made = (() => {
      try {
        require('node:child_process').execFileSync('mkfifo', [fifo]);
        return true;
      } catch {
        return false;
      }
    })();
    const readdir = fs.readdirSync;
    vi.spyOn(fs, 'readdirSync').mockImplementation(((p: fs.PathLike, o: never) => {
      if (String(p).endsWith('locked')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      return readdir(p, o);
    }) as typeof fs.readdirSync);
    const { files, skipped } = walk();
    expect(files).toEqual(['ok.txt']);
    expect(skipped).toContainEqual(['locked', 'unreadable']);
    if (made) expect(skipped).toContainEqual(['pipe', 'special']);
  });
});

describe('scanFolders', () => {
  it('reports path:line per value, skips binary and huge files, and counts what it read', () => {
    write('.env', `A=1\nMPT_TOKEN=${value('TKN-1111-1111', 'a')}\n`);
    write('config/app.json', `{\n  "x": 1,\n  "token": "${value('TKN-2222-2222', 'b')}"\n}`);
    write('node_modules/lib/leak.js', value('TKN-1111-1111', 'a'));
    write('image.png', Buffer.concat([Buffer.from([0x89, 0x50, 0, 0]), Buffer.from(value('TKN-3333-3333', 'c'))]));
    write('huge.log', `${value('TKN-4444-4444', 'd')}\n${'x'.repeat(3000)}`);
    write('lookalike.md', `TKN-5555-5555 and idt:TKN-5555-5555:${secret('e').slice(1)}`);
    const { hits, done } = scan({ maxFileBytes: 2000 });
    expect(hits.sort()).toEqual(['.env:2:TKN-1111-1111', 'config/app.json:3:TKN-2222-2222']);
    expect(done).toMatchObject({ files: 3, found: 2, skipped: { binary: 1, tooLarge: 1 } });
  });

  it('survives a file that cannot be read', () => {
    write('a.txt', value('TKN-1111-1111', 'a'));
    const locked = write('b.txt', value('TKN-2222-2222', 'b'));
    const open = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, flags?: fs.OpenMode) => {
      if (p === locked) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      return open(p, flags ?? 'r');
    }) as typeof fs.openSync);
    const { hits, done } = scan();
    expect(hits).toEqual(['a.txt:1:TKN-1111-1111']);
    expect(done?.skipped.unreadable).toBe(1);
  });

  it('finds a bare older secret only when its digest is one stored', async () => {
    const { secretDigest } = await import('../../../main/core/leaks/matcher');
    write('old.env', `OLD=${secret('k')}\nOTHER=${secret('m')}\n`);
    const { hits } = scan({ bareLengths: [64], bareDigests: [secretDigest(secret('k'))] });
    expect(hits).toEqual(['old.env:1:null']);
  });

  it('says so for a folder that does not exist, and scans the others', () => {
    write('a.txt', value('TKN-1111-1111', 'a'));
    const messages: ScanMessage[] = [];
    scanFolders({ folders: [path.join(tmp, 'missing'), root], maxFileBytes: 1e6, bareLengths: [], bareDigests: [], progressMs: 0 }, (m) => messages.push(m));
    expect(messages.filter((m) => m.type === 'folderError')).toHaveLength(1);
    expect(messages.flatMap((m) => (m.type === 'folderError' ? [] : m.hits))).toHaveLength(1);
  });

  it('never writes: the tree is byte for byte the same afterwards', () => {
    const file = write('.env', value('TKN-1111-1111', 'a'));
    const before = fs.statSync(file);
    scan();
    const after = fs.statSync(file);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(fs.readFileSync(file, 'utf8')).toBe(value('TKN-1111-1111', 'a'));
  });

  it('reads each file alone: bytes of a larger file read before never count for a smaller one', () => {
    const large = write('large.txt', `${'x'.repeat(100_000)}\n${value('TKN-1111-1111', 'a')}\n`);
    const small = write('small.txt', 'short');
    const reader = new FileReader();
    expect(reader.read(large, fs.statSync(large).size).toString('latin1')).toBe(fs.readFileSync(large, 'latin1'));
    expect(reader.read(small, 5).toString('latin1')).toBe('short');
    // The walk's size bounds the read: a file that grew since is read up to that size only.
    expect(reader.read(large, 10).toString('latin1')).toBe('x'.repeat(10));
  });

  it('sends findings with the progress, a few messages whatever it finds', () => {
    for (let i = 0; i < 40; i++) write(`f${i}.env`, `T=${value('TKN-1111-1111', 'a')}\n`);
    const { hits, messages } = scan({ progressMs: 60_000 });
    expect(hits).toHaveLength(40);
    expect(messages.map((m) => m.type)).toEqual(['done']);
  });
});
