/** The tray images: the macOS ones are template images (black, shaped by alpha) at 16 px and its @2x. */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { trayIcons } from '../../../src-main/electron/tray-icon';

/** Decodes an 8-bit RGBA, non-interlaced PNG data URL (what the icons are) into its pixels. */
function decode(dataUrl: string): { width: number; height: number; rgba: Uint8Array } {
  const png = Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect([png[24], png[25], png[28]]).toEqual([8, 6, 0]);
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    if (png.toString('ascii', offset + 4, offset + 8) === 'IDAT') chunks.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * 4;
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)] ?? 0;
    for (let x = 0; x < stride; x += 1) {
      const left = x >= 4 ? (rgba[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (rgba[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (rgba[(y - 1) * stride + x - 4] ?? 0) : 0;
      const p = left + up - upLeft;
      const paeth = Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft) ? left : Math.abs(p - up) <= Math.abs(p - upLeft) ? up : upLeft;
      const predictor = [0, left, up, (left + up) >> 1, paeth][filter] ?? 0;
      rgba[y * stride + x] = ((raw[y * (stride + 1) + 1 + x] ?? 0) + predictor) & 255;
    }
  }
  return { width, height, rgba };
}

describe('tray icons', () => {
  it('macOS: a 16×16 template image and its 32×32 @2x, black with a shape in the alpha channel', () => {
    const at1x = decode(trayIcons.template.at1x);
    const at2x = decode(trayIcons.template.at2x);
    expect([at1x.width, at1x.height, at2x.width, at2x.height]).toEqual([16, 16, 32, 32]);
    for (const icon of [at1x, at2x]) {
      const alphas = new Set<number>();
      for (let i = 0; i < icon.rgba.length; i += 4) {
        expect([icon.rgba[i], icon.rgba[i + 1], icon.rgba[i + 2]]).toEqual([0, 0, 0]);
        alphas.add(icon.rgba[i + 3] ?? 0);
      }
      // A shape: opaque and transparent parts, not a filled square.
      expect(alphas.has(0) && alphas.has(255)).toBe(true);
    }
  });

  it('Windows and Linux: the colour mark', () => {
    const mark = decode(trayIcons.color);
    expect([mark.width, mark.height]).toEqual([32, 32]);
  });
});
