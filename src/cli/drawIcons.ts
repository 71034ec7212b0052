import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { fromRoot } from '../config/projectPaths.js';

/**
 * Draws the Teams app icons (run: npx tsx src/cli/drawIcons.ts): a 192×192 colour icon (white rising
 * bars on teal) and a 32×32 outline icon (white bars on transparent), as Teams requires.
 */
function draw(size: number, background: [number, number, number, number] | undefined, file: string): void {
  const png = new PNG({ width: size, height: size });
  const bars = [
    { x: 0.22, h: 0.3 },
    { x: 0.43, h: 0.48 },
    { x: 0.64, h: 0.66 },
  ];
  const barWidth = 0.16;
  const base = 0.8;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const u = (x + 0.5) / size;
      const v = (y + 0.5) / size;
      const onBar = bars.some((b) => u >= b.x && u < b.x + barWidth && v <= base && v >= base - b.h);
      const colour: [number, number, number, number] = onBar ? [255, 255, 255, 255] : (background ?? [0, 0, 0, 0]);
      png.data[i] = colour[0];
      png.data[i + 1] = colour[1];
      png.data[i + 2] = colour[2];
      png.data[i + 3] = colour[3];
    }
  }
  writeFileSync(file, PNG.sync.write(png));
}

draw(192, [0, 120, 122, 255], fromRoot('manifest', 'color.png'));
draw(32, undefined, fromRoot('manifest', 'outline.png'));
console.log('wrote manifest/color.png and manifest/outline.png');
