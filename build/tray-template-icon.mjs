// Makes the macOS tray icons (a 16 px template image and its 32 px @2x) from the app mark in
// src-main/electron/tray-icon.ts and prints them as data URLs for that file. A template image is black
// with alpha; macOS tints it for the menu bar (light, dark, highlighted). The mark's letter becomes a
// cut-out. Run: node build/tray-template-icon.mjs
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { deflateSync, inflateSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function decodeRgba(png) {
  let offset = 8;
  let width = 0;
  const idat = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      if (data[8] !== 8 || data[9] !== 6) throw new Error('expected an 8-bit RGBA PNG');
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const height = raw.length / (stride + 1);
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const a = x >= 4 ? out[y * stride + x - 4] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= 4 && y > 0 ? out[(y - 1) * stride + x - 4] : 0;
      const paeth = () => {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      };
      const predictor = [0, a, b, (a + b) >> 1, paeth()][filter];
      out[y * stride + x] = (raw[y * (stride + 1) + 1 + x] + predictor) & 255;
    }
  }
  return { width, height, pixels: out };
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
function encodeRgba(size, alphaAt) {
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x += 1) row[1 + x * 4 + 3] = alphaAt(x, y);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const source = readFileSync(join(root, 'src-main/electron/tray-icon.ts'), 'utf8').match(/trayIconDataUrl = 'data:image\/png;base64,([A-Za-z0-9+/=]+)'/)?.[1];
if (source === undefined) throw new Error('trayIconDataUrl not found');
const mark = decodeRgba(Buffer.from(source, 'base64'));
// Opaque and dark (the tile) stays; transparent or light (the letter) is cut out.
const coverage = (x, y) => {
  const i = (y * mark.width + x) * 4;
  const light = mark.pixels[i] + mark.pixels[i + 1] + mark.pixels[i + 2] > 384;
  return light ? 0 : mark.pixels[i + 3];
};
const at2x = encodeRgba(32, coverage);
const at1x = encodeRgba(16, (x, y) => Math.round((coverage(2 * x, 2 * y) + coverage(2 * x + 1, 2 * y) + coverage(2 * x, 2 * y + 1) + coverage(2 * x + 1, 2 * y + 1)) / 4));
process.stdout.write(`trayTemplateIcon1x: data:image/png;base64,${at1x.toString('base64')}\ntrayTemplateIcon2x: data:image/png;base64,${at2x.toString('base64')}\n`);
