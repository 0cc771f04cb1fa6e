import { encodePng } from './png.ts';

/** Innspill's accent colour: the manifest's accentColor and the colour icon's background. */
export const ACCENT = '#1F6F5C';

type Rgba = readonly [number, number, number, number];
/** Is the point (in a 0..1 square) inside the shape? */
type Shape = (x: number, y: number) => boolean;

const WHITE: Rgba = [255, 255, 255, 255];
const rgb = (hex: string): Rgba => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16), 255];

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

/** The speech bubble's tail: a triangle below the bubble's lower left. */
function tail(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Shape {
  const side = (px: number, py: number, qx: number, qy: number, x: number, y: number) => (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const s1 = side(ax, ay, bx, by, x, y);
    const s2 = side(bx, by, cx, cy, x, y);
    const s3 = side(cx, cy, ax, ay, x, y);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  };
}

const circle = (cx: number, cy: number, r: number): Shape => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const union = (...shapes: Shape[]): Shape => (x, y) => shapes.some((s) => s(x, y));

/** A speech bubble (what people send) with three dots (what the bot gathers). */
const bubble = union(roundedRect(0.17, 0.2, 0.83, 0.66, 0.1), tail(0.27, 0.6, 0.45, 0.6, 0.25, 0.84));
const dots = union(circle(0.34, 0.43, 0.055), circle(0.5, 0.43, 0.055), circle(0.66, 0.43, 0.055));

/** Paints a size×size image; each pixel averages a 4×4 grid of samples so edges are smooth. */
function paint(size: number, colourAt: (x: number, y: number) => Rgba | null): Buffer {
  const pixels = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy += 1) {
        for (let sx = 0; sx < n; sx += 1) {
          const c = colourAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!c) continue;
          r += c[0] * c[3]; g += c[1] * c[3]; b += c[2] * c[3]; a += c[3];
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        pixels[i] = Math.round(r / a);
        pixels[i + 1] = Math.round(g / a);
        pixels[i + 2] = Math.round(b / a);
      }
      pixels[i + 3] = Math.round(a / (n * n));
    }
  }
  return encodePng(size, size, pixels);
}

/** 192×192 full-colour icon: a white bubble with accent dots on the accent colour. */
export function colorIcon(): Buffer {
  const accent = rgb(ACCENT);
  return paint(192, (x, y) => (dots(x, y) ? accent : bubble(x, y) ? WHITE : accent));
}

/** 32×32 outline icon: the bubble's white outline and dots on a transparent background, as Teams requires. */
export function outlineIcon(): Buffer {
  const inner = union(roundedRect(0.25, 0.28, 0.75, 0.58, 0.05), tail(0.33, 0.56, 0.4, 0.56, 0.3, 0.72));
  return paint(32, (x, y) => (dots(x, y) || (bubble(x, y) && !inner(x, y)) ? WHITE : null));
}
