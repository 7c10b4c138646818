import { ticks } from './shape';

interface SeriesDef { key: string; label: string; color: string; values: (number | null)[] }
interface Props { title: string; labels: string[]; series: SeriesDef[]; kind?: 'line' | 'bar'; format?: (n: number) => string }

const W = 640, H = 220, L = 56, R = 12, T = 12, B = 28;

/** A small SVG chart (line or bars) with a text alternative: the data as a table for screen readers. */
export function Chart({ title, labels, series, kind = 'line', format = (n) => String(n) }: Props) {
  const max = Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const axis = ticks(max);
  const top = axis[axis.length - 1] || 1;
  const x = (i: number) => L + (labels.length <= 1 ? (W - L - R) / 2 : (i * (W - L - R)) / (labels.length - 1));
  const y = (v: number) => T + (H - T - B) * (1 - v / top);
  const every = Math.max(1, Math.ceil(labels.length / 8));
  const band = (W - L - R) / Math.max(1, labels.length);
  return (
    <figure className="chart" style={{ margin: 0 }}>
      <figcaption className="row spread"><strong>{title}</strong>
        <span className="legend">{series.map((s) => <span key={s.key} style={{ ['--swatch' as string]: s.color }}>{s.label}</span>)}</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        {axis.map((v) => (
          <g key={v}>
            <line x1={L} x2={W - R} y1={y(v)} y2={y(v)} stroke="#e5e7eb" />
            <text x={L - 6} y={y(v) + 4} fontSize="11" textAnchor="end" fill="#4b5563">{format(v)}</text>
          </g>
        ))}
        {labels.map((l, i) => i % every === 0 && (
          <text key={l} x={kind === 'bar' ? L + band * (i + 0.5) : x(i)} y={H - 8} fontSize="11" textAnchor="middle" fill="#4b5563">{l.slice(5)}</text>
        ))}
        {kind === 'line' && series.map((s) => (
          <polyline key={s.key} fill="none" stroke={s.color} strokeWidth="2"
            points={s.values.map((v, i) => (v === null ? '' : `${x(i)},${y(v)}`)).filter(Boolean).join(' ')} />
        ))}
        {kind === 'bar' && series.map((s, k) => s.values.map((v, i) => v !== null && (
          <rect key={`${s.key}${i}`} x={L + band * i + (band * k) / series.length + 1} width={Math.max(1, band / series.length - 2)} y={y(v)} height={Math.max(0, H - B - y(v))} fill={s.color} />
        )))}
      </svg>
      <div className="sr-only"><table>
        <caption>{title}</caption>
        <thead><tr><th>Period</th>{series.map((s) => <th key={s.key}>{s.label}</th>)}</tr></thead>
        <tbody>{labels.map((l, i) => <tr key={l}><td>{l}</td>{series.map((s) => <td key={s.key}>{s.values[i] ?? '—'}</td>)}</tr>)}</tbody>
      </table></div>
    </figure>
  );
}
