// WCAG 2.x contrast, pure: parse a CSS colour (#rgb, #rrggbb, #rrggbbaa, rgb(), rgba()), put a
// translucent one over its backdrop (as the browser paints it), and compare relative luminances.

/** An sRGB colour, channels 0–255, alpha 0–1. */
export type Rgba = { r: number; g: number; b: number; a: number };

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const RGB_FUNCTION = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/i;

/** Parses a CSS colour; throws on anything else (the tokens are ours, a typo must fail the test). */
export function parseColor(color: string): Rgba {
  const text = color.trim();
  const hex = HEX.exec(text);
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((digit) => digit + digit).join('') : hex[1];
    const channel = (index: number) => parseInt(digits.slice(index * 2, index * 2 + 2), 16);
    return { r: channel(0), g: channel(1), b: channel(2), a: digits.length === 8 ? channel(3) / 255 : 1 };
  }
  const rgb = RGB_FUNCTION.exec(text);
  if (rgb) return { r: Number(rgb[1]), g: Number(rgb[2]), b: Number(rgb[3]), a: rgb[4] === undefined ? 1 : Number(rgb[4]) };
  throw new Error(`[theme] not a colour this helper reads: ${JSON.stringify(color)}`);
}

/** `top` painted over an opaque `bottom` (source-over). */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const mix = (upper: number, lower: number) => upper * top.a + lower * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

/** Relative luminance of an opaque colour (WCAG 2.x definition). */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const linear = (channel: number) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/**
 * Contrast ratio (1–21) of text `foreground` on `background`. Translucent layers are flattened
 * first: `backgrounds` lists the background layers from the top down to an opaque base, so
 * `contrastRatio('rgba(255,255,255,.85)', 'rgba(46,160,67,.15)', '#0d1117')` is text on an added
 * diff line.
 */
export function contrastRatio(foreground: string, ...backgrounds: string[]): number {
  if (backgrounds.length === 0) throw new Error('[theme] contrastRatio needs a background');
  const layers = backgrounds.map(parseColor);
  let base = layers[layers.length - 1];
  if (base.a < 1) throw new Error(`[theme] the last background must be opaque: ${backgrounds[backgrounds.length - 1]}`);
  for (let index = layers.length - 2; index >= 0; index--) base = composite(layers[index], base);
  const text = composite(parseColor(foreground), base);
  const [lighter, darker] = [relativeLuminance(text), relativeLuminance(base)].sort((x, y) => y - x);
  return (lighter + 0.05) / (darker + 0.05);
}

/** WCAG AA for normal text. */
export const AA_TEXT_RATIO = 4.5;
