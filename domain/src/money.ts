// Money is integer fen (分), never floating point: entered as yuan text, stored and summed as
// integers, shown as yuan. 1 yuan = 100 fen.

/** Largest amount one entry may carry (the ledger schema's bound): one million yuan. */
export const MAX_ENTRY_FEN = 100_000_000;

export type YuanParse = { ok: true; fen: number } | { ok: false; reason: 'empty' | 'format' | 'tooManyDecimals' | 'tooLarge' };

/**
 * "12" → 1200, "12.5" → 1250, "0.05" → 5, "-3.2" → -320, "1,234.50" → 123450. At most two
 * decimals: an amount in fen is exact, so "1.234" is refused rather than rounded.
 */
export function parseYuan(text: string): YuanParse {
  const cleaned = text.trim().replace(/[,，\s]/g, '').replace(/^[¥￥]/, '');
  if (cleaned === '') return { ok: false, reason: 'empty' };
  const match = /^(-)?(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, reason: 'format' };
  const [, minus, whole = '0', decimals = ''] = match;
  if (decimals.length > 2) return { ok: false, reason: 'tooManyDecimals' };
  if (whole.length > 9) return { ok: false, reason: 'tooLarge' };
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  if (fen > MAX_ENTRY_FEN) return { ok: false, reason: 'tooLarge' };
  return { ok: true, fen: minus && fen !== 0 ? -fen : fen };
}

/** 123450 → "1,234.50"; -5 → "-0.05". Integer arithmetic only. */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an amount in fen: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** Sum of amounts in fen; throws rather than lose precision past 2^53 fen. */
export function sumFen(amounts: Iterable<number>): number {
  let total = 0;
  for (const amount of amounts) {
    if (!Number.isSafeInteger(amount)) throw new RangeError(`not an amount in fen: ${amount}`);
    total += amount;
  }
  if (!Number.isSafeInteger(total)) throw new RangeError('total out of range');
  return total;
}
