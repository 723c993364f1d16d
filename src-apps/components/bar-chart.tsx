/**
 * A small horizontal bar chart in HTML and CSS (it wraps long labels and follows the host's theme). The
 * figures it draws are always in a table beside it, so the bars are hidden from assistive technology and
 * the figure is named by its caption.
 */
import type { ReactNode } from 'react';
import type { ChartData } from '../lib/report-data';

/** Props of the chart. */
export interface BarChartProps {
  data: ChartData;
  caption: string;
  /** A series' name, for the legend. */
  seriesLabel: (key: string) => string;
  /** A category's name (the label column's value, or a funnel step's key). */
  categoryLabel: (category: string) => string;
  format: (value: number) => string;
}

/** The chart. */
export function BarChart(props: BarChartProps): ReactNode {
  const { data } = props;
  const max = Math.max(1, ...data.series.flatMap((s) => s.values));
  return (
    <figure className="bar-chart">
      <figcaption>{props.caption}</figcaption>
      {data.series.length > 1 ? (
        <ul className="legend" aria-hidden="true">
          {data.series.map((s, i) => (
            <li key={s.key}>
              <span className={`swatch series-${i}`} />
              {props.seriesLabel(s.key)}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="bars" aria-hidden="true">
        {data.categories.map((category, c) => (
          <div className="bar-group" key={`${category}-${c}`}>
            <span className="bar-label">{props.categoryLabel(category)}</span>
            <span className="bar-stack">
              {data.series.map((s, i) => {
                const value = s.values[c] ?? 0;
                return (
                  <span className="bar-line" key={s.key}>
                    <span className={`bar series-${i}`} style={{ inlineSize: `${Math.max(0.5, (value / max) * 100)}%` }} />
                    <span className="bar-value">{props.format(value)}</span>
                  </span>
                );
              })}
            </span>
          </div>
        ))}
      </div>
    </figure>
  );
}
