import { errorsAt, type Problem } from '../api/problem';
import { FieldErrors } from '../ui/kit';
import type { Json } from '../rules/model';
import { defaultEffect, effectLabels, effectTypes, getIn, jsonPath, setIn, takes, type Effect, type EffectType } from './model';

interface Props { value: Effect; onChange: (effect: Effect) => void; problem?: Problem; path: string }
type Path = (string | number)[];

/** An editor for every discount effect: its own fields, the shared target, filters, currency and exclusions. */
export function EffectEditor({ value, onChange, problem, path }: Props) {
  const set = (p: Path, v: Json | undefined) => onChange(setIn(value, p, v) as Effect);
  const errs = (p: Path) => errorsAt(problem, jsonPath(path, p));
  const num = (p: Path, label: string, optional = false) => (
    <NumberField label={label} value={getIn(value, p)} errors={errs(p)} optional={optional} onChange={(v) => set(p, v)} />
  );
  const t = value.type;
  return (
    <div className="grid">
      <div className="row">
        <label>Effect
          <select value={t} onChange={(e) => onChange(defaultEffect(e.target.value as EffectType))}>
            {effectTypes.map((x) => <option key={x} value={x}>{effectLabels[x]}</option>)}
          </select>
          <FieldErrors errors={errs(['type'])} />
        </label>
        <label>Currency (optional)
          <input value={String(getIn(value, ['currency']) ?? '')} placeholder="any" size={5} onChange={(e) => set(['currency'], e.target.value ? e.target.value.toUpperCase() : undefined)} />
          <FieldErrors errors={errs(['currency'])} />
        </label>
        {takes.excludeAlreadyDiscounted(t) && (
          <label className="inline"><input type="checkbox" checked={getIn(value, ['excludeAlreadyDiscounted']) === true}
            onChange={(e) => set(['excludeAlreadyDiscounted'], e.target.checked ? true : undefined)} /> Skip lines already discounted</label>
        )}
      </div>
      <div className="row">
        {t === 'percent_off' && <>{num(['percent'], 'Percent')}{num(['maxDiscount'], 'Max discount', true)}</>}
        {t === 'amount_off' && num(['amount'], 'Amount')}
        {t === 'fixed_price' && <>{num(['quantity'], 'Items per bundle')}{num(['price'], 'Bundle price')}{num(['maxApplications'], 'Max bundles', true)}</>}
        {t === 'free_shipping' && num(['maxDiscount'], 'Max shipping discount', true)}
        {t === 'free_gift' && <>
          <label>Gift SKU<input value={String(getIn(value, ['sku']) ?? '')} onChange={(e) => set(['sku'], e.target.value)} /><FieldErrors errors={errs(['sku'])} /></label>
          {num(['quantity'], 'Quantity', true)}{num(['value'], 'Value per unit')}
        </>}
        {t === 'tiered' && (
          <label>Basis
            <select value={String(getIn(value, ['basis']) ?? 'subtotal')} onChange={(e) => set(['basis'], e.target.value === 'subtotal' ? undefined : e.target.value)}>
              <option value="subtotal">subtotal</option><option value="quantity">quantity</option>
            </select>
          </label>
        )}
      </div>
      {t === 'buy_x_get_y' && (
        <div className="grid cols-2">
          <fieldset><legend>Buy</legend>{num(['buy', 'quantity'], 'Quantity')}<FilterEditor value={getIn(value, ['buy', 'filter'])} onChange={(f) => set(['buy', 'filter'], f)} errors={errs(['buy', 'filter'])} /></fieldset>
          <fieldset><legend>Get</legend>{num(['get', 'quantity'], 'Quantity')}{num(['get', 'percentOff'], 'Percent off (default 100)', true)}
            <FilterEditor value={getIn(value, ['get', 'filter'])} onChange={(f) => set(['get', 'filter'], f)} errors={errs(['get', 'filter'])} /></fieldset>
          <div className="row">
            <label>Which units are free
              <select value={String(getIn(value, ['choose']) ?? 'cheapest')} onChange={(e) => set(['choose'], e.target.value === 'cheapest' ? undefined : e.target.value)}>
                <option value="cheapest">cheapest</option><option value="specified">the specified SKUs</option>
              </select>
            </label>
            <label className="inline"><input type="checkbox" checked={getIn(value, ['repeat']) !== false}
              onChange={(e) => onChange(setIn(setIn(value, ['repeat'], e.target.checked ? undefined : false), ['maxApplications'], undefined) as Effect)} /> Repeat</label>
            {getIn(value, ['repeat']) !== false && num(['maxApplications'], 'Max applications', true)}
          </div>
        </div>
      )}
      {t === 'tiered' && (
        <div>
          <table>
            <thead><tr><th>Threshold</th><th>Discount</th><th>Kind</th><th><span className="sr-only">Remove</span></th></tr></thead>
            <tbody>
              {((getIn(value, ['tiers']) as Json[] | undefined) ?? []).map((tier, i) => {
                const kind = (tier as Record<string, Json>)?.amountOff !== undefined ? 'amountOff' : 'percentOff';
                return (
                  <tr key={i}>
                    <td><NumberField label={`Tier ${i + 1} threshold`} value={getIn(value, ['tiers', i, 'threshold'])} errors={errs(['tiers', i, 'threshold'])} onChange={(v) => set(['tiers', i, 'threshold'], v)} /></td>
                    <td><NumberField label={`Tier ${i + 1} discount`} value={getIn(value, ['tiers', i, kind])} errors={errs(['tiers', i, kind])} onChange={(v) => set(['tiers', i, kind], v)} /></td>
                    <td><label>Kind<select value={kind} onChange={(e) => {
                      const other = getIn(value, ['tiers', i, kind]) ?? 5;
                      set(['tiers', i], { threshold: getIn(value, ['tiers', i, 'threshold']) ?? 0, [e.target.value]: other });
                    }}><option value="percentOff">% off</option><option value="amountOff">amount off</option></select></label></td>
                    <td><button type="button" className="danger" aria-label={`Remove tier ${i + 1}`} onClick={() => set(['tiers', i], undefined)}>✕</button></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <FieldErrors errors={errs(['tiers']).filter((e) => e.path === jsonPath(path, ['tiers']))} />
          <button type="button" onClick={() => set(['tiers', ((getIn(value, ['tiers']) as Json[]) ?? []).length], { threshold: 0, percentOff: 5 })}>+ Tier</button>
        </div>
      )}
      {takes.target(t) && <TargetEditor value={getIn(value, ['target'])} onChange={(v) => set(['target'], v)} errors={errs(['target'])} />}
    </div>
  );
}

function NumberField({ label, value, errors, onChange, optional }: { label: string; value: Json | undefined; errors: { code: string; message: string }[]; onChange: (v: Json | undefined) => void; optional?: boolean }) {
  return (
    <label>{label}
      <input inputMode="decimal" size={8} className={errors.length ? 'invalid' : ''} value={value === undefined || value === null ? '' : String(value)}
        onChange={(e) => {
          const text = e.target.value.trim();
          onChange(text === '' ? (optional ? undefined : null) : Number.isFinite(Number(text)) ? Number(text) : text);
        }} />
      <FieldErrors errors={errors} />
    </label>
  );
}

function TargetEditor({ value, onChange, errors }: { value: Json | undefined; onChange: (v: Json | undefined) => void; errors: { code: string; message: string; path?: string | null }[] }) {
  const scope = getIn(value ?? null, ['scope']) === 'items' ? 'items' : 'order';
  return (
    <fieldset>
      <legend>Applies to</legend>
      <div className="row">
        <label>Scope
          <select value={scope} onChange={(e) => onChange(e.target.value === 'items' ? { scope: 'items', filter: { categories: [] } } : { scope: 'order' })}>
            <option value="order">the whole order</option><option value="items">matching items</option>
          </select>
        </label>
        {scope === 'items' && <FilterEditor value={getIn(value ?? null, ['filter'])} onChange={(f) => onChange({ scope: 'items', filter: f ?? {} })} errors={errors} />}
      </div>
    </fieldset>
  );
}

/** skus / categories / excludeSkus, each a comma-separated list; empty lists are left out. */
function FilterEditor({ value, onChange, errors }: { value: Json | undefined; onChange: (v: Json | undefined) => void; errors: { code: string; message: string }[] }) {
  const list = (k: string) => ((getIn(value ?? null, [k]) as Json[] | undefined) ?? []).join(', ');
  const set = (k: string, text: string) => {
    const items = text.split(',').map((s) => s.trim()).filter(Boolean);
    const next = setIn(value ?? {}, [k], items.length ? items : undefined) as Record<string, Json>;
    onChange(Object.keys(next).length ? next : undefined);
  };
  return (
    <div className="row">
      <label>SKUs<input defaultValue={list('skus')} onBlur={(e) => set('skus', e.target.value)} /></label>
      <label>Categories<input defaultValue={list('categories')} onBlur={(e) => set('categories', e.target.value)} /></label>
      <label>Except SKUs<input defaultValue={list('excludeSkus')} onBlur={(e) => set('excludeSkus', e.target.value)} /></label>
      <FieldErrors errors={errors} />
    </div>
  );
}
