/** The entropy policy of docs/codes.md, computed before submitting: ≥ 32 random bits and ≥ 1,000,000 guesses per code. */
export const defaultCharset = '23456789ACDEFGHJKMNPQRTUVWXY';
export const minBits = 32;
export const minGuessesPerCode = 1_000_000;

export interface SpecInput { pattern?: string; length?: number; charset?: string; count: number }
export interface Verdict { space: number; bits: number; max: number; ok: boolean; message?: string }

export function verdict({ pattern, length, charset, count }: SpecInput): Verdict {
  const symbols = [...new Set((charset || defaultCharset).toUpperCase())];
  const digits = symbols.filter((s) => s >= '0' && s <= '9').length;
  const letters = symbols.length - digits;
  let space = 1;
  if (pattern) {
    for (const ch of pattern) space *= ch === '#' ? digits : ch === '?' ? letters : ch === '*' ? symbols.length : 1;
  } else {
    space = symbols.length ** (length ?? 0);
  }
  const bits = Math.log2(Math.max(1, space));
  const max = bits < minBits ? 0 : Math.floor(space / minGuessesPerCode);
  if (bits < minBits) {
    return { space, bits, max, ok: false, message: `These codes hold ${bits.toFixed(1)} random bits; at least ${minBits} are needed so they cannot be guessed. Add ${Math.ceil((minBits - bits) / Math.log2(symbols.length))} random character(s).` };
  }
  if (count > max) {
    const more = Math.ceil(Math.log(count * minGuessesPerCode / space) / Math.log(symbols.length));
    return { space, bits, max, ok: false, message: `${count.toLocaleString('en')} codes in a space of ${space.toExponential(2)} would let a guesser find a valid code in fewer than ${minGuessesPerCode.toLocaleString('en')} tries: at most ${max.toLocaleString('en')} can be generated. Add ${more} random character(s).` };
  }
  return { space, bits, max, ok: true };
}
