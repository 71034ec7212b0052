import { mkdirSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { fromRoot } from '../config/projectPaths.js';

/**
 * Draws the five answer faces children tap (run: npx tsx src/cli/drawFaces.ts): large colour faces, from a
 * red frown (1, strongly disagree) to a green smile (5, strongly agree), each feature drawn thick so it
 * reads at 64 px on a phone. 4×4 supersampling smooths the edges. The files are committed; the bot serves
 * them from /static/faces/.
 */
const SIZE = 128;
const SAMPLES = 4;
const COLOURS: Record<number, [number, number, number]> = {
  1: [209, 52, 56],
  2: [247, 99, 12],
  3: [255, 185, 0],
  4: [168, 214, 72],
  5: [92, 184, 72],
};
const INK: [number, number, number] = [27, 27, 27];

function colourAt(score: number, u: number, v: number): [number, number, number, number] {
  const dx = u - 0.5;
  const dy = v - 0.5;
  const r = Math.hypot(dx, dy);
  if (r > 0.48) return [0, 0, 0, 0];
  if (r > 0.445) return [...INK, 255];
  // Eyes.
  for (const ex of [0.35, 0.65]) if (Math.hypot(u - ex, v - 0.38) < 0.065) return [...INK, 255];
  // Mouth: a parabola from a frown to a smile; straight for "not sure".
  const curve = (score - 3) * 0.075;
  const half = 0.2;
  const x = (u - 0.5) / half;
  if (Math.abs(x) <= 1) {
    const y = 0.66 + curve * (1 - x * x) - curve / 2;
    if (Math.abs(v - y) < 0.035) return [...INK, 255];
  }
  return [...COLOURS[score], 255];
}

function draw(score: number, file: string): void {
  const png = new PNG({ width: SIZE, height: SIZE });
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt(score, (x + (sx + 0.5) / SAMPLES) / SIZE, (y + (sy + 0.5) / SAMPLES) / SIZE);
          for (let k = 0; k < 3; k++) sum[k] += c[k] * c[3];
          sum[3] += c[3];
        }
      }
      const i = (y * SIZE + x) * 4;
      const alpha = sum[3];
      for (let k = 0; k < 3; k++) png.data[i + k] = alpha ? Math.round(sum[k] / alpha) : 0;
      png.data[i + 3] = Math.round(alpha / (SAMPLES * SAMPLES));
    }
  }
  writeFileSync(file, PNG.sync.write(png));
}

const dir = fromRoot('src', 'http', 'public', 'faces');
mkdirSync(dir, { recursive: true });
for (const score of [1, 2, 3, 4, 5]) draw(score, `${dir}/face-${score}.png`);
console.log(`wrote ${dir}/face-1.png … face-5.png`);
