#!/usr/bin/env node
/**
 * Draws the two Teams app icons of PEI Bot with pngjs:
 *   teamsapp/color.png    192×192, full colour: Bogotá red rounded square, white rising bar chart,
 *                         yellow baseline and a yellow "target" mark (the plan's goal).
 *   teamsapp/outline.png   32×32, the same bar chart and target in pure white on a transparent background
 *                         (Teams requires only white or fully transparent pixels: no anti-aliasing here).
 *
 * Run: node scripts/draw-icons.js   (the PNGs are committed; re-run only when the design changes)
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { PNG } = require('pngjs');

const OUT_DIR = path.join(__dirname, '..', 'teamsapp');

const RED = [0xc8, 0x10, 0x2e]; // Bogotá red
const YELLOW = [0xfc, 0xd1, 0x16]; // Bogotá yellow
const WHITE = [0xff, 0xff, 0xff];

// ---- shape predicates (coordinates in pixels, continuous) ----

/** Rounded rectangle [x0,x1]×[y0,y1] with corner radius r (per-corner radii: [tl, tr, br, bl]). */
function roundRect(x0, y0, x1, y1, r) {
  const [tl, tr, br, bl] = Array.isArray(r) ? r : [r, r, r, r];
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const corner = (cx, cy, rad) => (x - cx) ** 2 + (y - cy) ** 2 <= rad * rad;
    if (tl && x < x0 + tl && y < y0 + tl) return corner(x0 + tl, y0 + tl, tl);
    if (tr && x > x1 - tr && y < y0 + tr) return corner(x1 - tr, y0 + tr, tr);
    if (br && x > x1 - br && y > y1 - br) return corner(x1 - br, y1 - br, br);
    if (bl && x < x0 + bl && y > y1 - bl) return corner(x0 + bl, y1 - bl, bl);
    return true;
  };
}

/** Ring (annulus) centred at (cx,cy) between radii rIn and rOut; rIn = 0 gives a disc. */
function ring(cx, cy, rIn, rOut) {
  return (x, y) => {
    const d2 = (x - cx) ** 2 + (y - cy) ** 2;
    return d2 <= rOut * rOut && d2 >= rIn * rIn;
  };
}

/**
 * Rasterises layers (later layers on top) into an RGBA buffer.
 * samples = n gives n×n supersampling (anti-aliasing); samples = 1 samples pixel centres only.
 */
function render(size, layers, samples) {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const n = samples;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = px + (sx + 0.5) / n;
          const y = py + (sy + 0.5) / n;
          for (let i = layers.length - 1; i >= 0; i--) {
            if (layers[i].shape(x, y)) {
              const c = layers[i].color;
              r += c[0];
              g += c[1];
              b += c[2];
              a += 1;
              break;
            }
          }
        }
      }
      const idx = (py * size + px) * 4;
      if (a === 0) {
        png.data[idx] = png.data[idx + 1] = png.data[idx + 2] = png.data[idx + 3] = 0;
      } else {
        png.data[idx] = Math.round(r / a);
        png.data[idx + 1] = Math.round(g / a);
        png.data[idx + 2] = Math.round(b / a);
        png.data[idx + 3] = Math.round((255 * a) / (n * n));
      }
    }
  }
  return png;
}

/** The mark (bar chart + baseline + target) in a unit box of side `s` at offset (ox, oy). */
function mark(ox, oy, s) {
  const u = (v) => v * s; // design units: 0..1
  const X = (v) => ox + u(v);
  const Y = (v) => oy + u(v);
  const barR = u(0.04);
  return {
    bars: [
      roundRect(X(0.04), Y(0.58), X(0.24), Y(0.86), [barR, barR, 0, 0]),
      roundRect(X(0.32), Y(0.4), X(0.52), Y(0.86), [barR, barR, 0, 0]),
      roundRect(X(0.6), Y(0.22), X(0.8), Y(0.86), [barR, barR, 0, 0]),
    ],
    baseline: roundRect(X(0.0), Y(0.9), X(1.0), Y(0.98), u(0.04)),
    targetOuter: ring(X(0.86), Y(0.12), u(0.075), u(0.125)),
    targetDot: ring(X(0.86), Y(0.12), 0, u(0.04)),
  };
}

function drawColor() {
  const size = 192;
  const bg = roundRect(0, 0, size, size, 40);
  const m = mark(44, 42, 104);
  const layers = [
    { shape: bg, color: RED },
    ...m.bars.map((shape) => ({ shape, color: WHITE })),
    { shape: m.baseline, color: YELLOW },
    { shape: m.targetOuter, color: YELLOW },
    { shape: m.targetDot, color: YELLOW },
  ];
  return render(size, layers, 4);
}

function drawOutline() {
  // Pixel-exact integer geometry so every pixel is either opaque white or fully transparent.
  const size = 32;
  const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1;
  const layers = [
    // bars (rising), 5 px wide with 3 px gaps
    rect(4, 19, 9, 25),
    rect(12, 15, 17, 25),
    rect(20, 11, 25, 25),
    // baseline
    rect(2, 26, 30, 28),
    // target at top-right: a ring and a 2×2 dot
    ring(27, 5, 2.3, 3.9),
    ring(27, 5, 0, 0.8),
  ].map((shape) => ({ shape, color: WHITE }));
  return render(size, layers, 1);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const outputs = [
    ['color.png', drawColor()],
    ['outline.png', drawOutline()],
  ];
  for (const [name, png] of outputs) {
    const file = path.join(OUT_DIR, name);
    fs.writeFileSync(file, PNG.sync.write(png, { colorType: 6 }));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${png.width}×${png.height})`);
  }
}

if (require.main === module) main();

module.exports = { drawColor, drawOutline };
