#!/usr/bin/env node
/**
 * Every icon Token Desk ships, generated from one source image, resources/source/icon.svg:
 *   resources/icon.png, tray.png, tray@2x.png      used at run time (window, tray; copied into dist/)
 *   resources/installer/icon.icns                  macOS (16 to 512@2x, made from the 1024 px render)
 *   resources/installer/icon.ico                   Windows (16 to 256)
 *   resources/installer/icons/<N>x<N>.png          Linux (hicolor sizes, each rendered from the vector)
 * Offline and deterministic: resvg renders the SVG, png2icons packs ICNS and ICO.
 * tests/integration/packaging/icons.test.ts regenerates into a temp folder and compares bytes,
 * so an icon edited by hand fails the tests.
 *   node scripts/generate-icons.mjs [--out=<folder>]   (default: resources/)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv.find((a) => a.startsWith('--out='))?.slice('--out='.length) ?? path.join(root, 'resources'));
const source = fs.readFileSync(path.join(root, 'resources', 'source', 'icon.svg'));

const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

const render = (size) => new Resvg(source, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();

function write(relative, bytes) {
  const file = path.join(out, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return relative;
}

const written = [write('icon.png', render(512)), write('tray.png', render(32)), write('tray@2x.png', render(64))];
for (const size of LINUX_SIZES) written.push(write(`installer/icons/${size}x${size}.png`, render(size)));

const large = render(1024);
const icns = png2icons.createICNS(large, png2icons.BICUBIC, 0);
// PNG entries (small files, fine on Windows 10+), bitmaps below 64 px for the .exe resource.
const ico = png2icons.createICO(large, png2icons.BICUBIC, 0, true, true);
if (!icns || !ico) throw new Error('png2icons could not convert the rendered icon');
written.push(write('installer/icon.icns', icns), write('installer/icon.ico', ico));

console.log(`icons: ${written.length} files from resources/source/icon.svg into ${path.relative(root, out) || '.'}`);
