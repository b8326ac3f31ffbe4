// Rating bands (methodology.md "Bands": presentation only, configurable, never called official).
// Default: 81–100 «отлично», 61–80 «хорошо», 41–60 «удовлетворительно», 21–40 «неудовлетворительно»,
// 0–20 «плохо». The integer ranges leave gaps (80 < x < 81), so the band is chosen by the value as
// people see it — rounded to 2 decimals — against exclusive lower bounds: 80 < x ≤ 100 «отлично»,
// 60 < x ≤ 80 «хорошо», …, 0 ≤ x ≤ 20 «плохо». Thus 80.00 is «хорошо», 80.01 (and 80.005, which
// displays as 80.01) is «отлично», and a shown value never disagrees with its band.
import { AppError } from '../errors.ts';
import { Dec, round2Dec } from './decimal.ts';
import { DEFAULT_BANDS } from './methodology.ts';
import type { Band } from './methodology.ts';

/** Checks a band list: non-empty, exclusive lower bounds strictly descending, the last one null. */
export function validateBands(bands: readonly Band[]): void {
  const fail = (message: string): never => {
    throw AppError.validation(`bands: ${message}`, [{ path: 'bands', message }]);
  };
  const last = bands[bands.length - 1];
  if (!last) return fail('нужен хотя бы один диапазон');
  if (last.above !== null) fail('у нижнего диапазона не должно быть нижней границы (above: null)');
  let previous = Infinity;
  for (const [i, band] of bands.slice(0, -1).entries()) {
    if (band.above === null || !(band.above < previous)) {
      fail(`границы диапазонов должны строго убывать (диапазон ${i + 1})`);
    } else previous = band.above;
    if (band.label.trim() === '') fail(`пустое название диапазона ${i + 1}`);
  }
}

/** The band of a score, or null for a null score ("insufficient data" has no band). */
export function bandFor(
  value: Dec | number | null,
  bands: readonly Band[] = DEFAULT_BANDS,
): Band | null {
  if (value === null) return null;
  validateBands(bands);
  const shown = round2Dec(new Dec(value));
  return bands.find((b) => b.above === null || shown.gt(b.above)) ?? null;
}
