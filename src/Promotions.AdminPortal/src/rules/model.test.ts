import { describe, expect, it } from 'vitest';
import { allCombinations, changeFact, changeOp, facts, operators, operatorsFor, parse, readList, readScalar, write, type Json } from './model';
import schema from '../../../../infra/schemas/rule-language.schema.json';

describe('rule model', () => {
  it('covers every fact and operator of the schema', () => {
    const schemaFacts = schema.$defs.fact.enum as string[];
    expect(facts.filter((f) => f.type !== 'attribute').map((f) => f.fact).sort()).toEqual([...schemaFacts].sort());
    expect([...operators].sort()).toEqual([...(schema.$defs.operator.enum as string[])].sort());
    const used = new Set(allCombinations().map((l) => l.op));
    expect([...used].sort()).toEqual([...operators].sort());
  });

  it.each(allCombinations().map((l) => [`${l.fact} ${l.op}`, write(l)] as const))('round-trips %s', (_, json) => {
    expect(write(parse(json as Json))).toEqual(json);
    const nested = { any: [{ not: { all: [json] } }, json] } as Json;
    expect(write(parse(nested))).toEqual(nested);
  });

  it('round-trips the documented example and keeps what it does not know', () => {
    const example: Json = { all: [
      { fact: 'customer.attributes.loyalty.tier', op: 'in', value: ['gold', 'platinum'] },
      { fact: 'cart.subtotal', op: 'gte', value: 50 },
      { any: [{ fact: 'channel', op: 'eq', value: 'mobile_app' }, { fact: 'history.bought_categories', withinDays: 30, op: 'contains', value: 'shoes' }] },
      { not: { fact: 'time.day_of_week', timeZone: 'Europe/Paris', op: 'in', value: ['saturday', 'sunday'] } },
      { fact: 'time.time_of_day', timeZone: 'Europe/Paris', op: 'between', value: ['22:00', '02:00'] },
      { fact: 'cart.subtotal', op: 'gte', value: 1, bogus: true },
      'not a node',
    ] };
    expect(write(parse(example))).toEqual(example);
  });

  it('keeps the operator and value when a new fact of the same type takes them', () => {
    const leaf = { kind: 'leaf' as const, fact: 'cart.subtotal', op: 'gte' as const, value: 50 };
    expect(changeFact(leaf, 'cart.item_count')).toMatchObject({ fact: 'cart.item_count', op: 'gte', value: 50 });
    expect(changeFact(leaf, 'history.bought_skus')).toMatchObject({ op: 'contains', withinDays: 30 });
    expect(changeFact(leaf, 'location.distance_km')).toMatchObject({ op: 'gte', from: { lat: 48.8566, lon: 2.3522 } });
    expect(changeFact(leaf, 'customer.attributes').fact).toBe('customer.attributes.tier');
  });

  it('converts the value to the new operator shape', () => {
    const leaf = { kind: 'leaf' as const, fact: 'cart.subtotal', op: 'gte' as const, value: 50 };
    expect(changeOp(leaf, 'in').value).toEqual([50]);
    expect(changeOp(leaf, 'between').value).toEqual([0, 0]);
    expect(changeOp(leaf, 'exists').value).toBe(true);
    expect(changeOp({ ...leaf, op: 'in', value: [7, 8] }, 'eq').value).toBe(7);
  });

  it('reads typed values: numbers for number facts, text otherwise', () => {
    expect(readScalar('number', '12.5')).toBe(12.5);
    expect(readScalar('number', 'two')).toBe('two');
    expect(readScalar('string', '12')).toBe('12');
    expect(readScalar('attribute', '3', 'number')).toBe(3);
    expect(readScalar('attribute', 'true', 'boolean')).toBe(true);
    expect(readList('number', '1, 2,,3')).toEqual([1, 2, 3]);
    expect(readList('channel', 'web, email')).toEqual(['web', 'email']);
  });

  it('offers only the operators that apply to a fact type', () => {
    expect(operatorsFor.list).toEqual(['contains', 'contains_any', 'contains_all', 'exists']);
    expect(operatorsFor.boolean).not.toContain('gt');
    expect(operatorsFor.attribute).toHaveLength(14);
  });
});
