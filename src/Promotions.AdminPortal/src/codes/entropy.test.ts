import { describe, expect, it } from 'vitest';
import { verdict } from './entropy';

describe('entropy policy before submitting', () => {
  it('accepts 10,000 codes of eight random letters of the default charset', () => {
    const v = verdict({ pattern: 'SPRING-????-????', count: 10_000 });
    expect(v.ok).toBe(true);
    expect(v.space).toBe(20 ** 8);
    expect(v.max).toBe(Math.floor(20 ** 8 / 1_000_000));
  });

  it('refuses a pattern under 32 bits and says how many characters to add', () => {
    const v = verdict({ pattern: 'AB-##', count: 1 });
    expect(v.ok).toBe(false);
    expect(v.message).toMatch(/6\.0 random bits; at least 32/);
  });

  it('refuses too many codes for the space', () => {
    const v = verdict({ length: 7, count: 20_000 });
    expect(v.ok).toBe(false);
    expect(v.message).toMatch(/at most 13,492 can be generated/);
  });
});
