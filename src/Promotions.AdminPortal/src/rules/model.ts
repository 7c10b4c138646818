/**
 * The rule language (infra/schemas/rule-language.schema.json, docs/rule-language.md) as an editable tree.
 * A condition is parsed into nodes, edited, and written back to exactly the JSON it came from (round trip).
 */
export type FactType = 'string' | 'number' | 'boolean' | 'list' | 'datetime' | 'date' | 'time' | 'weekday' | 'channel' | 'currency' | 'attribute';
export type Param = 'withinDays' | 'timeZone' | 'sku' | 'category' | 'from';

export interface FactInfo { fact: string; label: string; type: FactType; params: Param[]; required: Param[] }

const f = (fact: string, label: string, type: FactType, params: Param[] = [], required: Param[] = params): FactInfo => ({ fact, label, type, params, required });

/** Every fact of the language; `customer.attributes.<path>` is the attribute fact. */
export const facts: FactInfo[] = [
  f('customer.id', 'Customer id', 'string'),
  f('customer.attributes', 'Customer attribute…', 'attribute'),
  f('customer.segments', 'Customer segments', 'list'),
  f('customer.first_order', 'First order', 'boolean'),
  f('history.order_count', 'Orders so far', 'number'),
  f('history.lifetime_spend', 'Lifetime spend', 'number'),
  f('history.days_since_last_order', 'Days since last order', 'number'),
  f('history.bought_skus', 'Bought SKUs (within days)', 'list', ['withinDays']),
  f('history.bought_categories', 'Bought categories (within days)', 'list', ['withinDays']),
  f('location.country', 'Country', 'string'),
  f('location.region', 'Region', 'string'),
  f('location.city', 'City', 'string'),
  f('location.postal_code', 'Postal code', 'string'),
  f('location.store_id', 'Store', 'string'),
  f('location.distance_km', 'Distance (km) from a point', 'number', ['from']),
  f('cart.subtotal', 'Cart subtotal', 'number'),
  f('cart.item_count', 'Cart item count', 'number'),
  f('cart.currency', 'Cart currency', 'currency'),
  f('cart.skus', 'Cart SKUs', 'list'),
  f('cart.categories', 'Cart categories', 'list'),
  f('cart.sku_quantity', 'Quantity of a SKU in cart', 'number', ['sku']),
  f('cart.category_quantity', 'Quantity of a category in cart', 'number', ['category']),
  f('channel', 'Channel', 'channel'),
  f('time.now', 'Now (date and time)', 'datetime'),
  f('time.date', 'Date', 'date', ['timeZone'], []),
  f('time.day_of_week', 'Day of week', 'weekday', ['timeZone'], []),
  f('time.time_of_day', 'Time of day', 'time', ['timeZone'], []),
];

export const operators = ['eq', 'neq', 'in', 'not_in', 'gt', 'gte', 'lt', 'lte', 'between', 'contains', 'contains_any', 'contains_all', 'starts_with', 'exists'] as const;
export type Operator = (typeof operators)[number];

export const operatorLabels: Record<Operator, string> = {
  eq: 'is', neq: 'is not', in: 'is one of', not_in: 'is none of', gt: '>', gte: '≥', lt: '<', lte: '≤', between: 'between',
  contains: 'contains', contains_any: 'contains any of', contains_all: 'contains all of', starts_with: 'starts with', exists: 'exists',
};

const ordered: Operator[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between'];
/** The operators that apply to each fact type (docs/rule-language.md, "Operators"). */
export const operatorsFor: Record<FactType, Operator[]> = {
  number: [...ordered, 'in', 'not_in', 'exists'],
  string: ['eq', 'neq', 'in', 'not_in', 'contains', 'starts_with', 'exists'],
  channel: ['eq', 'neq', 'in', 'not_in', 'exists'],
  currency: ['eq', 'neq', 'in', 'not_in', 'exists'],
  boolean: ['eq', 'neq', 'exists'],
  datetime: [...ordered, 'exists'],
  date: [...ordered, 'in', 'not_in', 'exists'],
  time: [...ordered, 'exists'],
  weekday: ['eq', 'neq', 'in', 'not_in', 'exists'],
  list: ['contains', 'contains_any', 'contains_all', 'exists'],
  attribute: [...operators],
};

export const channels = ['web', 'mobile_app', 'email', 'in_store', 'partner'];
export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export type ValueShape = 'single' | 'list' | 'pair' | 'flag';
export function shapeOf(op: Operator): ValueShape {
  if (op === 'exists') return 'flag';
  if (op === 'between') return 'pair';
  if (op === 'in' || op === 'not_in' || op === 'contains_any' || op === 'contains_all') return 'list';
  return 'single';
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Leaf {
  kind: 'leaf';
  fact: string;
  op: Operator;
  value: Json;
  withinDays?: Json; timeZone?: Json; sku?: Json; category?: Json; from?: Json;
  /** Properties the editor does not know, kept so that the server reports them and the JSON round-trips. */
  extra?: Record<string, Json>;
}
export interface Group { kind: 'all' | 'any'; children: Node[] }
export interface Not { kind: 'not'; child: Node }
/** A value that is not a condition object, kept as it is so the round trip never loses it. */
export interface Raw { kind: 'raw'; json: Json }
export type Node = Leaf | Group | Not | Raw;

export function factInfo(fact: string): FactInfo | undefined {
  if (fact.startsWith('customer.attributes.')) return facts[1];
  return facts.find((x) => x.fact === fact);
}

const leafKeys = ['fact', 'op', 'value', 'withinDays', 'timeZone', 'sku', 'category', 'from'];

export function parse(json: Json): Node {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { kind: 'raw', json };
  const keys = Object.keys(json);
  if (keys.length === 1 && (keys[0] === 'all' || keys[0] === 'any') && Array.isArray(json[keys[0]])) {
    return { kind: keys[0] as 'all' | 'any', children: (json[keys[0]] as Json[]).map(parse) };
  }
  if (keys.length === 1 && keys[0] === 'not') return { kind: 'not', child: parse(json.not) };
  if (typeof json.fact === 'string' && typeof json.op === 'string' && (operators as readonly string[]).includes(json.op) && keys.every((k) => leafKeys.includes(k))) {
    const leaf: Leaf = { kind: 'leaf', fact: json.fact, op: json.op as Operator, value: json.value === undefined ? null : json.value };
    for (const p of ['withinDays', 'timeZone', 'sku', 'category', 'from'] as const) if (p in json) leaf[p] = json[p];
    return leaf;
  }
  return { kind: 'raw', json };
}

export function write(node: Node): Json {
  switch (node.kind) {
    case 'all': return { all: node.children.map(write) };
    case 'any': return { any: node.children.map(write) };
    case 'not': return { not: write(node.child) };
    case 'raw': return node.json;
    case 'leaf': {
      // Parameters before op/value, as the docs write them; key order does not matter to the parser.
      const out: { [key: string]: Json } = { fact: node.fact };
      for (const p of ['withinDays', 'timeZone', 'sku', 'category', 'from'] as const) if (node[p] !== undefined) out[p] = node[p] as Json;
      out.op = node.op;
      out.value = node.value;
      return out;
    }
  }
}

/** The default value of an operator's shape for a fact type. */
export function defaultValue(type: FactType, op: Operator): Json {
  const one = (): Json => (type === 'number' ? 0 : type === 'boolean' ? true : type === 'channel' ? 'web' : type === 'weekday' ? 'monday' : type === 'currency' ? 'EUR' : type === 'time' ? '09:00' : '');
  switch (shapeOf(op)) {
    case 'flag': return true;
    case 'pair': return type === 'time' ? ['09:00', '17:00'] : [one(), one()];
    case 'list': return [one()];
    default: return one();
  }
}

export function newLeaf(fact = 'cart.subtotal'): Leaf {
  const info = factInfo(fact)!;
  const op = operatorsFor[info.type][0];
  return withParams({ kind: 'leaf', fact: info.type === 'attribute' ? 'customer.attributes.tier' : fact, op, value: defaultValue(info.type, op) }, info);
}

function withParams(leaf: Leaf, info: FactInfo): Leaf {
  const next: Leaf = { ...leaf };
  for (const p of ['withinDays', 'timeZone', 'sku', 'category', 'from'] as const) if (!info.params.includes(p)) delete next[p];
  if (info.required.includes('withinDays') && next.withinDays === undefined) next.withinDays = 30;
  if (info.required.includes('sku') && next.sku === undefined) next.sku = '';
  if (info.required.includes('category') && next.category === undefined) next.category = '';
  if (info.required.includes('from') && next.from === undefined) next.from = { lat: 48.8566, lon: 2.3522 };
  return next;
}

/** A new fact: keeps the operator and value when they still fit, else the fact's defaults. */
export function changeFact(leaf: Leaf, fact: string): Leaf {
  const info = factInfo(fact)!;
  const fits = operatorsFor[info.type].includes(leaf.op);
  const op = fits ? leaf.op : operatorsFor[info.type][0];
  const sameType = factInfo(leaf.fact)?.type === info.type;
  return withParams({ ...leaf, fact: info.type === 'attribute' && !fact.startsWith('customer.attributes.') ? 'customer.attributes.tier' : fact, op, value: fits && sameType ? leaf.value : defaultValue(info.type, op) }, info);
}

/** A new operator: keeps the value when its shape is the same, else converts it. */
export function changeOp(leaf: Leaf, op: Operator): Leaf {
  const type = factInfo(leaf.fact)?.type ?? 'string';
  const from = shapeOf(leaf.op);
  const to = shapeOf(op);
  let value = leaf.value;
  if (from !== to) {
    const first = Array.isArray(value) ? value[0] : value;
    value = to === 'list' && from !== 'flag' && first !== undefined ? [first] : to === 'single' && from !== 'flag' && first !== undefined ? first : defaultValue(type, op);
  }
  return { ...leaf, op, value };
}

/** Reads what a user typed in a value box as the JSON the fact wants: numbers for number facts. */
export function readScalar(type: FactType, text: string, attributeKind: 'text' | 'number' | 'boolean' = 'text'): Json {
  const wantsNumber = type === 'number' || (type === 'attribute' && attributeKind === 'number');
  if (wantsNumber && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (type === 'boolean' || (type === 'attribute' && attributeKind === 'boolean')) return text === 'true';
  return text;
}

export function readList(type: FactType, text: string, attributeKind: 'text' | 'number' | 'boolean' = 'text'): Json[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => readScalar(type, s, attributeKind));
}

/** Every fact and operator pair the language allows: what the editor must be able to express. */
export function allCombinations(): Leaf[] {
  return facts.flatMap((info) => operatorsFor[info.type].map((op) => withParams({ kind: 'leaf', fact: info.type === 'attribute' ? 'customer.attributes.loyalty.tier' : info.fact, op, value: defaultValue(info.type, op) }, info)));
}
