// Draws the app's icons (public/icons/): a 3 × 3 grid of white cells on the brand blue,
// the middle cell orange — a grid, and the spot in it being dealt with. No download, no
// image library: the shapes are rasterised here (4 × 4 samples a pixel) and written as
// PNG with node:zlib. Run `node scripts/make-icons.mjs` after changing the design.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT = fileURLToPath(new URL('../public/icons/', import.meta.url));
const BLUE = [22, 119, 255];
const WHITE = [255, 255, 255];
const ORANGE = [250, 140, 22];

/** Cells in units of the icon's side: the emblem stays inside the middle 64 % (maskable safe zone). */
const CELL = 0.18;
const GAP = 0.05;
const START = 0.5 - (3 * CELL + 2 * GAP) / 2;
const RADIUS = 0.035;
const cells = [];
for (let row = 0; row < 3; row++) {
  for (let col = 0; col < 3; col++) {
    cells.push({
      x: START + col * (CELL + GAP),
      y: START + row * (CELL + GAP),
      colour: row === 1 && col === 1 ? ORANGE : WHITE,
    });
  }
}

function insideRounded(px, py, cell) {
  const cx = Math.min(Math.max(px, cell.x + RADIUS), cell.x + CELL - RADIUS);
  const cy = Math.min(Math.max(py, cell.y + RADIUS), cell.y + CELL - RADIUS);
  return (px - cx) ** 2 + (py - cy) ** 2 <= RADIUS ** 2;
}

function colourAt(u, v) {
  for (const cell of cells) if (insideRounded(u, v, cell)) return cell.colour;
  return BLUE;
}

function render(size) {
  const samples = 4;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          for (let i = 0; i < 3; i++) sum[i] += colour[i];
        }
      }
      for (let i = 0; i < 3; i++) row[1 + x * 4 + i] = Math.round(sum[i] / samples ** 2);
      row[1 + x * 4 + 3] = 255;
    }
    rows.push(row);
  }
  return png(size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, raw) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function svg() {
  const hex = (c) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  const unit = (value) => Math.round(value * 512 * 100) / 100;
  const rects = cells
    .map(
      (cell) =>
        `<rect x="${unit(cell.x)}" y="${unit(cell.y)}" width="${unit(CELL)}" height="${unit(CELL)}" rx="${unit(RADIUS)}" fill="${hex(cell.colour)}"/>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><title>落实</title><rect width="512" height="512" fill="${hex(BLUE)}"/>${rects}</svg>\n`;
}

mkdirSync(OUT, { recursive: true });
for (const size of [192, 512]) writeFileSync(path.join(OUT, `icon-${size}.png`), render(size));
writeFileSync(path.join(OUT, 'icon.svg'), svg());
console.log(`icons written to ${OUT}`);
