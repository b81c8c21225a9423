/**
 * Fen as ¥ with two decimals. Integer arithmetic, so a receipt never shows a float artefact
 * such as ¥0.30000000000000004.
 */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** Yuan as typed in a form, to fen; rounding absorbs the binary error of decimal input. */
export const yuanToFen = (yuan: number): number => Math.round(yuan * 100);

/** Fen to yuan for prefilling a form field. */
export const fenToYuan = (fen: number): number => fen / 100;
