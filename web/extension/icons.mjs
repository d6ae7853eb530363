// The toolbar and store icons, drawn here rather than shipped as binaries: a
// speech bubble (someone says) holding three lines of text, one of them
// marked as a flag. renderIcon(size) returns PNG bytes; build.mjs writes
// icons/icon-<size>.png.
import { deflateSync } from 'node:zlib';

const BUBBLE = [39, 71, 179];   // the extension's accent blue
const TEXT = [255, 255, 255];
const FLAG = [255, 183, 77];    // amber: a claim that names no source

// ---- Shapes as signed distance functions, in a 0..1 square -----------------

function roundedRect(x, y, left, top, right, bottom, radius) {
  const qx = Math.abs(x - (left + right) / 2) - ((right - left) / 2 - radius);
  const qy = Math.abs(y - (top + bottom) / 2) - ((bottom - top) / 2 - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

// Inside the triangle (a, b, c)?
function inTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const side = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = side(ax, ay, bx, by);
  const d2 = side(bx, by, cx, cy);
  const d3 = side(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

// The colour at a point, or null where the icon is transparent.
function paint(x, y) {
  const inBubble = roundedRect(x, y, 0.04, 0.06, 0.96, 0.76, 0.16) <= 0 ||
    inTriangle(x, y, [0.2, 0.7], [0.42, 0.7], [0.14, 0.96]);
  if (!inBubble) return null;
  const lines = [
    { top: 0.2, right: 0.8, color: TEXT },
    { top: 0.37, right: 0.66, color: FLAG },
    { top: 0.54, right: 0.74, color: TEXT },
  ];
  for (const line of lines) {
    if (roundedRect(x, y, 0.2, line.top, line.right, line.top + 0.09, 0.045) <= 0) return line.color;
  }
  return BUBBLE;
}

// ---- Rasterizing and PNG encoding ------------------------------------------

const SAMPLES = 4; // per axis: 16 samples a pixel smooth the edges

function rasterize(size) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const color = paint((column + (sx + 0.5) / SAMPLES) / size, (row + (sy + 0.5) / SAMPLES) / size);
          if (!color) continue;
          covered += 1;
          for (let channel = 0; channel < 3; channel += 1) sum[channel] += color[channel];
        }
      }
      const offset = (row * size + column) * 4;
      if (covered > 0) for (let channel = 0; channel < 3; channel += 1) pixels[offset + channel] = Math.round(sum[channel] / covered);
      pixels[offset + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;  // bits per channel
  header[9] = 6;  // RGBA
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let row = 0; row < height; row += 1) {
    rows[row * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, row * (width * 4 + 1) + 1, row * width * 4, (row + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function renderIcon(size) {
  return encodePng(size, size, rasterize(size));
}
