/**
 * Colours: the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"), distinguishable with the
 * common colour-vision deficiencies; yellow is left out (unreadable on white). Ordered so that
 * neighbours in a legend contrast.
 */
export const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#555555'] as const;

export const MARKER_COLOR = '#111111';
export const TEXT_COLOR = '#222222';
export const GRID_COLOR = '#e6e6e6';
export const BACKGROUND_COLOR = '#ffffff';

/** The i-th series colour, cycling. */
export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length]!;
}

/** `#rrggbb` at the given opacity as `rgba(...)`. */
export function withAlpha(hex: string, alpha: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}
