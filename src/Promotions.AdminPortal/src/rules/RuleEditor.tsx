import { useEffect, useId, useState } from 'react';
import { errorsAt, type Problem } from '../api/problem';
import { FieldErrors } from '../ui/kit';
import {
  changeFact, changeOp, channels, factInfo, facts, newLeaf, operatorLabels, operatorsFor, parse, readList, readScalar, shapeOf, weekdays, write,
  type FactType, type Json, type Leaf, type Node, type Operator,
} from './model';

interface Props { value: Json; onChange: (value: Json) => void; problem?: Problem; path: string; readOnly?: boolean }

/** The visual editor of one condition: groups (all / any), not, and leaves, nested to any depth. */
export function RuleEditor({ value, onChange, problem, path, readOnly }: Props) {
  const node = parse(value);
  return (
    <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
      <NodeEditor node={node} onChange={(n) => onChange(write(n))} problem={problem} path={path} />
    </fieldset>
  );
}

interface NodeProps { node: Node; onChange: (node: Node) => void; onRemove?: () => void; problem?: Problem; path: string }

function NodeEditor({ node, onChange, onRemove, problem, path }: NodeProps) {
  const own = errorsAt(problem, path).filter((e) => e.path === path);
  switch (node.kind) {
    case 'all':
    case 'any': {
      const set = (children: Node[]) => onChange({ ...node, children });
      return (
        <div className={`rule-group ${node.kind}`} role="group" aria-label={node.kind === 'all' ? 'All of' : 'Any of'}>
          <div className="row">
            <select aria-label="Group kind" value={node.kind} onChange={(e) => onChange({ kind: e.target.value as 'all' | 'any', children: node.children })}>
              <option value="all">All of these hold</option>
              <option value="any">Any of these holds</option>
            </select>
            <button type="button" onClick={() => set([...node.children, newLeaf()])}>+ Condition</button>
            <button type="button" onClick={() => set([...node.children, { kind: 'all', children: [newLeaf()] }])}>+ Group</button>
            <button type="button" onClick={() => set([...node.children, { kind: 'not', child: newLeaf() }])}>+ Not</button>
            {onRemove && <button type="button" className="danger" onClick={onRemove}>Remove group</button>}
            <FieldErrors errors={[...own, ...errorsAt(problem, `${path}.${node.kind}`).filter((e) => e.path === `${path}.${node.kind}`)]} />
          </div>
          {node.children.map((child, i) => (
            <NodeEditor key={i} node={child} path={`${path}.${node.kind}[${i}]`} problem={problem}
              onChange={(c) => set(node.children.map((x, j) => (j === i ? c : x)))}
              onRemove={() => set(node.children.filter((_, j) => j !== i))} />
          ))}
        </div>
      );
    }
    case 'not':
      return (
        <div className="rule-group not" role="group" aria-label="Not">
          <div className="row"><strong>Not:</strong>{onRemove && <button type="button" className="danger" onClick={onRemove}>Remove</button>}<FieldErrors errors={own} /></div>
          <NodeEditor node={node.child} path={`${path}.not`} problem={problem} onChange={(c) => onChange({ kind: 'not', child: c })} />
        </div>
      );
    case 'raw':
      return (
        <div className="leaf">
          <span>Not a condition the editor knows (edit it in the JSON view): <code>{JSON.stringify(node.json)}</code></span>
          {onRemove && <button type="button" className="danger" onClick={onRemove}>Remove</button>}
          <FieldErrors errors={errorsAt(problem, path)} />
        </div>
      );
    case 'leaf':
      return <LeafEditor leaf={node} onChange={onChange} onRemove={onRemove} problem={problem} path={path} />;
  }
}

type AttributeKind = 'text' | 'number' | 'boolean';
function attributeKindOf(value: Json): AttributeKind {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'number' ? 'number' : typeof first === 'boolean' ? 'boolean' : 'text';
}

function LeafEditor({ leaf, onChange, onRemove, problem, path }: { leaf: Leaf; onChange: (n: Node) => void; onRemove?: () => void; problem?: Problem; path: string }) {
  const info = factInfo(leaf.fact);
  const type: FactType = info?.type ?? 'string';
  const factKey = type === 'attribute' ? 'customer.attributes' : leaf.fact;
  const at = (p: string) => errorsAt(problem, `${path}.${p}`);
  const ops = operatorsFor[type];
  const kind = attributeKindOf(leaf.value);
  return (
    <div className="leaf" role="group" aria-label="Condition">
      <label>Fact
        <select value={info ? factKey : leaf.fact} onChange={(e) => onChange(changeFact(leaf, e.target.value))} className={at('fact').length ? 'invalid' : ''}>
          {!info && <option value={leaf.fact}>{leaf.fact}</option>}
          {facts.map((x) => <option key={x.fact} value={x.fact}>{x.label}</option>)}
        </select>
        <FieldErrors errors={at('fact')} />
      </label>
      {type === 'attribute' && (
        <label>Attribute path
          <TextBox value={leaf.fact.slice('customer.attributes.'.length)} onCommit={(t) => onChange({ ...leaf, fact: `customer.attributes.${t}` })} />
        </label>
      )}
      {info?.params.includes('withinDays') && (
        <label>Within days<TextBox value={String(leaf.withinDays ?? '')} size={5} invalid={at('withinDays').length > 0}
          onCommit={(t) => onChange({ ...leaf, withinDays: readScalar('number', t) })} /><FieldErrors errors={at('withinDays')} /></label>
      )}
      {info?.params.includes('sku') && (
        <label>SKU<TextBox value={String(leaf.sku ?? '')} invalid={at('sku').length > 0} onCommit={(t) => onChange({ ...leaf, sku: t })} /><FieldErrors errors={at('sku')} /></label>
      )}
      {info?.params.includes('category') && (
        <label>Category<TextBox value={String(leaf.category ?? '')} invalid={at('category').length > 0} onCommit={(t) => onChange({ ...leaf, category: t })} /><FieldErrors errors={at('category')} /></label>
      )}
      {info?.params.includes('from') && (
        <>
          <label>From latitude<TextBox size={8} value={String((leaf.from as { lat?: Json })?.lat ?? '')} onCommit={(t) => onChange({ ...leaf, from: { ...(leaf.from as object), lat: readScalar('number', t) } })} /></label>
          <label>From longitude<TextBox size={8} value={String((leaf.from as { lon?: Json })?.lon ?? '')} onCommit={(t) => onChange({ ...leaf, from: { ...(leaf.from as object), lon: readScalar('number', t) } })} /><FieldErrors errors={at('from')} /></label>
        </>
      )}
      {info?.params.includes('timeZone') && (
        <label>Time zone<TextBox size={14} placeholder="UTC" value={leaf.timeZone === undefined ? '' : String(leaf.timeZone)} invalid={at('timeZone').length > 0}
          onCommit={(t) => { const next = { ...leaf }; if (t === '') delete next.timeZone; else next.timeZone = t; onChange(next); }} /><FieldErrors errors={at('timeZone')} /></label>
      )}
      <label>Operator
        <select value={leaf.op} onChange={(e) => onChange(changeOp(leaf, e.target.value as Operator))} className={at('op').length ? 'invalid' : ''}>
          {(ops.includes(leaf.op) ? ops : [leaf.op, ...ops]).map((o) => <option key={o} value={o}>{operatorLabels[o]}</option>)}
        </select>
        <FieldErrors errors={at('op')} />
      </label>
      {type === 'attribute' && shapeOf(leaf.op) !== 'flag' && (
        <label>As
          <select value={kind} onChange={(e) => {
            const k = e.target.value as AttributeKind;
            const convert = (v: Json) => readScalar('attribute', String(v), k);
            onChange({ ...leaf, value: Array.isArray(leaf.value) ? leaf.value.map(convert) : convert(leaf.value) });
          }}>
            <option value="text">text</option><option value="number">number</option><option value="boolean">yes/no</option>
          </select>
        </label>
      )}
      <ValueEditor leaf={leaf} type={type} kind={kind} onChange={(value) => onChange({ ...leaf, value })} invalid={at('value').length > 0} />
      <FieldErrors errors={at('value')} />
      {onRemove && <button type="button" className="danger" aria-label="Remove condition" onClick={onRemove}>✕</button>}
    </div>
  );
}

function ValueEditor({ leaf, type, kind, onChange, invalid }: { leaf: Leaf; type: FactType; kind: AttributeKind; onChange: (v: Json) => void; invalid: boolean }) {
  const shape = shapeOf(leaf.op);
  if (shape === 'flag') {
    return <label>Value<select value={String(leaf.value)} onChange={(e) => onChange(e.target.value === 'true')}><option value="true">yes</option><option value="false">no</option></select></label>;
  }
  if (shape === 'pair') {
    const pair = Array.isArray(leaf.value) ? leaf.value : [leaf.value, leaf.value];
    return (
      <>
        <label>From<Scalar type={type} kind={kind} value={pair[0] ?? ''} invalid={invalid} onChange={(v) => onChange([v, pair[1] ?? ''])} /></label>
        <label>To<Scalar type={type} kind={kind} value={pair[1] ?? ''} invalid={invalid} onChange={(v) => onChange([pair[0] ?? '', v])} /></label>
      </>
    );
  }
  if (shape === 'list') {
    const list = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
    const hint = type === 'channel' ? channels.join(', ') : type === 'weekday' ? 'monday, …, sunday' : 'comma-separated';
    return <label>Values<TextBox value={list.map(String).join(', ')} placeholder={hint} invalid={invalid} onCommit={(t) => onChange(readList(type, t, kind))} /></label>;
  }
  return <label>Value<Scalar type={type} kind={kind} value={leaf.value} invalid={invalid} onChange={onChange} /></label>;
}

function Scalar({ type, kind, value, onChange, invalid }: { type: FactType; kind: AttributeKind; value: Json; onChange: (v: Json) => void; invalid: boolean }) {
  const cls = invalid ? 'invalid' : '';
  if (type === 'channel') return <select className={cls} value={String(value)} onChange={(e) => onChange(e.target.value)}>{channels.map((c) => <option key={c}>{c}</option>)}</select>;
  if (type === 'weekday') return <select className={cls} value={String(value)} onChange={(e) => onChange(e.target.value)}>{weekdays.map((c) => <option key={c}>{c}</option>)}</select>;
  if (type === 'boolean' || (type === 'attribute' && kind === 'boolean')) return <select className={cls} value={String(value)} onChange={(e) => onChange(e.target.value === 'true')}><option value="true">yes</option><option value="false">no</option></select>;
  if (type === 'date') return <input className={cls} type="date" value={String(value)} onChange={(e) => onChange(e.target.value)} />;
  if (type === 'time') return <input className={cls} type="time" value={String(value)} onChange={(e) => onChange(e.target.value)} />;
  const placeholder = type === 'datetime' ? '2026-03-14T18:00:00+01:00' : type === 'currency' ? 'EUR' : '';
  return <TextBox value={String(value ?? '')} placeholder={placeholder} invalid={invalid} inputMode={type === 'number' ? 'decimal' : undefined} onCommit={(t) => onChange(readScalar(type, t, kind))} />;
}

/** A text box that keeps what is typed (e.g. "1," on the way to "1, 2") while handing each change up. */
function TextBox({ value, onCommit, invalid, ...rest }: { value: string; onCommit: (text: string) => void; invalid?: boolean; placeholder?: string; size?: number; inputMode?: 'decimal' }) {
  const [text, setText] = useState(value);
  const id = useId();
  useEffect(() => { setText((t) => (normal(t) === normal(value) ? t : value)); }, [value]);
  return <input id={id} className={invalid ? 'invalid' : ''} value={text} onChange={(e) => { setText(e.target.value); onCommit(e.target.value); }} {...rest} />;
}
const normal = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean).join(',');
