import type { Json } from '../rules/model';

/** The discount effects of docs/discounts.md (infra/schemas/effect.schema.json). */
export const effectTypes = ['percent_off', 'amount_off', 'fixed_price', 'buy_x_get_y', 'tiered', 'free_shipping', 'free_gift'] as const;
export type EffectType = (typeof effectTypes)[number];
export type Effect = { [key: string]: Json } & { type: string };

export const effectLabels: Record<EffectType, string> = {
  percent_off: 'Percent off', amount_off: 'Amount off', fixed_price: 'Fixed price for a bundle', buy_x_get_y: 'Buy X get Y',
  tiered: 'Tiered (spend more, save more)', free_shipping: 'Free shipping', free_gift: 'Free gift',
};

export function defaultEffect(type: EffectType): Effect {
  switch (type) {
    case 'percent_off': return { type, percent: 10, target: { scope: 'order' } };
    case 'amount_off': return { type, amount: 5, target: { scope: 'order' } };
    case 'fixed_price': return { type, quantity: 2, price: 20, target: { scope: 'items', filter: { categories: ['socks'] } } };
    case 'buy_x_get_y': return { type, buy: { quantity: 2 }, get: { quantity: 1 } };
    case 'tiered': return { type, tiers: [{ threshold: 50, percentOff: 5 }, { threshold: 100, percentOff: 10 }] };
    case 'free_shipping': return { type };
    case 'free_gift': return { type, sku: 'GIFT-1', value: 5 };
  }
}

/** Which of the shared fields each effect takes. */
export const takes = {
  target: (t: string) => ['percent_off', 'amount_off', 'fixed_price', 'tiered'].includes(t),
  excludeAlreadyDiscounted: (t: string) => t !== 'free_shipping' && t !== 'free_gift',
};

/** Sets `value` at `path` (keys and indexes) in a copy of `effect`; `undefined` removes the member. */
export function setIn(effect: Json, path: (string | number)[], value: Json | undefined): Json {
  if (path.length === 0) return value as Json;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(effect) ? [...effect] : [];
    if (value === undefined && rest.length === 0) list.splice(head, 1);
    else list[head] = setIn(list[head] ?? null, rest, value);
    return list;
  }
  const obj: { [key: string]: Json } = effect && typeof effect === 'object' && !Array.isArray(effect) ? { ...effect } : {};
  const next = rest.length === 0 ? value : setIn(obj[head] ?? null, rest, value);
  if (next === undefined) delete obj[head]; else obj[head] = next;
  return obj;
}

export function getIn(effect: Json, path: (string | number)[]): Json | undefined {
  let at: Json | undefined = effect;
  for (const p of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, Json>)[p as never];
  }
  return at;
}

/** The JSON path of a member, as the API names it in errors: `$.effect.tiers[1].threshold`. */
export function jsonPath(base: string, path: (string | number)[]) {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : `${acc}.${p}`), base);
}

/** A one-line summary for lists. */
export function summary(effect: Effect): string {
  const e = effect as Record<string, Json>;
  switch (effect.type) {
    case 'percent_off': return `${e.percent}% off`;
    case 'amount_off': return `${e.amount} off`;
    case 'fixed_price': return `${e.quantity} for ${e.price}`;
    case 'buy_x_get_y': return `buy ${(e.buy as Record<string, Json>)?.quantity} get ${(e.get as Record<string, Json>)?.quantity}`;
    case 'tiered': return `${(e.tiers as Json[])?.length ?? 0} tiers`;
    case 'free_shipping': return 'free shipping';
    case 'free_gift': return `free ${e.sku}`;
    default: return effect.type;
  }
}
