/**
 * The report view (`nevent_campaign_report`, `nevent_get_campaign_metrics`): campaign figures as a small
 * chart and a table. Read only: it shows the answer it belongs to and calls nothing.
 */
import type { ReactNode } from 'react';
import { z } from 'zod';
import { readableCode } from '../../src-shared/i18n/words';
import type { Formats } from '../../src-shared/i18n/format';
import { useWords, type Words } from '../../src-renderer/i18n/use-words';
import { useFormats, useView } from '../host/view-context';
import { readOutcome } from '../host/tool-outcome';
import { BarChart } from '../components/bar-chart';
import { failureText } from '../lib/outcome-text';
import { isRate, metricsFigures, readableKey, reportChart, reportTables, type Row, type Table } from '../lib/report-data';
import { readAs } from '../lib/tool-answers';
import { CallState } from './call-state';

const ReportSchema = z.object({ queries: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))), errors: z.array(z.object({ message: z.string() }).loose()).optional() }).loose();
const MetricsSchema = z.object({ metrics: z.record(z.string(), z.unknown()) }).loose();
const MonthSchema = z.object({ year: z.number().int(), month: z.number().int().min(1).max(12) }).loose();

/** The report view. */
export function ReportView(): ReactNode {
  const t = useWords();
  const { snapshot } = useView();
  if (snapshot.result === null) return <CallState failure={null} />;
  const outcome = readOutcome(snapshot.result);
  if (outcome.kind !== 'ok') return <CallState failure={failureText(t.translator, outcome)} />;
  const report = readAs(ReportSchema, outcome.value);
  if (report !== null) return <MonthReport queries={report.queries} errors={(report.errors ?? []).map((e) => e.message)} month={readAs(MonthSchema, snapshot.input)} />;
  const metrics = readAs(MetricsSchema, outcome.value);
  if (metrics !== null) return <CampaignMetrics metrics={metrics.metrics} />;
  return <CallState failure={t('apps.error.unreadable')} />;
}

/** A column's name in the person's language (the data API's usual columns), else readably. */
function columnLabel(t: Words, column: string): string {
  return t('apps.report.column', { column, other: readableKey(column) });
}

/** A cell as the locale writes it: numbers, days and times formatted, text as sent. */
function cellText(formats: Formats, column: string, value: unknown): string {
  if (typeof value === 'number') return isRate(column) ? formats.percent(value / 100, 2) : formats.number(value, { maximumFractionDigits: 2 });
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formats.day(value);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formats.dateTime(value);
    return value;
  }
  if (value === null || value === undefined) return '—';
  return JSON.stringify(value);
}

function MonthReport(props: { queries: Record<string, Row[]>; errors: string[]; month: { year: number; month: number } | null }): ReactNode {
  const t = useWords();
  const formats = useFormats();
  const tables = reportTables(props.queries);
  const charted = reportChart(tables);
  // Mid-month in UTC: the month's name is the same in every time zone.
  const month = props.month === null ? null : new Date(Date.UTC(props.month.year, props.month.month - 1, 15));
  return (
    <section className="view report-view" aria-labelledby="report-title">
      <h1 id="report-title">{month === null ? t('apps.report.title') : t('apps.report.monthTitle', { month })}</h1>
      {tables.length === 0 ? <p className="muted">{t('apps.report.empty')}</p> : null}
      {charted !== null ? (
        <BarChart
          data={charted.chart}
          caption={t('apps.report.chartCaption', { by: columnLabel(t, charted.chart.labelColumn ?? '') })}
          seriesLabel={(key) => columnLabel(t, key)}
          categoryLabel={(category) => cellText(formats, charted.chart.labelColumn ?? '', category)}
          format={(value) => formats.number(value, { maximumFractionDigits: 2 })}
        />
      ) : null}
      {tables.map((table) => (
        <ReportTable key={table.name} table={table} caption={tables.length > 1 ? t('apps.report.tableCaption', { name: table.name }) : t('apps.report.figures')} />
      ))}
      {props.errors.length > 0 ? (
        <ul className="view-message error">
          {props.errors.map((message, i) => (
            <li key={i}>{t('apps.report.partFailed', { reason: message })}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ReportTable(props: { table: Table; caption: string }): ReactNode {
  const t = useWords();
  const formats = useFormats();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.table.columns.map((column) => (
              <th scope="col" key={column}>
                {columnLabel(t, column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.table.rows.map((row, i) => (
            <tr key={i}>
              {props.table.columns.map((column) => (
                <td key={column} className={typeof row[column] === 'number' ? 'num' : undefined}>
                  {cellText(formats, column, row[column])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CampaignMetrics(props: { metrics: Row }): ReactNode {
  const t = useWords();
  const formats = useFormats();
  const { funnel, figures } = metricsFigures(props.metrics);
  const name = typeof props.metrics.campaignName === 'string' ? props.metrics.campaignName : typeof props.metrics.campaignId === 'string' ? props.metrics.campaignId : null;
  const metricLabel = (key: string): string => t('apps.metric', { metric: key, other: readableKey(key) });
  return (
    <section className="view report-view" aria-labelledby="report-title">
      <h1 id="report-title">{name === null ? t('apps.report.campaignTitle') : t('apps.report.campaignNamed', { campaign: name })}</h1>
      {funnel !== null ? <BarChart data={funnel} caption={t('apps.report.funnel')} seriesLabel={() => ''} categoryLabel={metricLabel} format={(value) => formats.number(value)} /> : null}
      <table className="data-table">
        <caption>{t('apps.report.figures')}</caption>
        <tbody>
          {figures.map(([key, value]) => (
            <tr key={key}>
              <th scope="row">{metricLabel(key)}</th>
              <td className="num">{key === 'channel' && typeof value === 'string' ? t('apps.channel', { channel: value, other: readableCode(value) }) : cellText(formats, key, value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
