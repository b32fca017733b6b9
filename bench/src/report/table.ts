import type { Spread } from '../measure';
import type { FigureResult, Measurement } from '../figures/figure';
import type { BenchReport } from './report';

/** Whole numbers for large values, more digits for small ones (ratios). */
export function formatNumber(value: number): string {
  const abs = Math.abs(value);
  const digits = Number.isInteger(value) || abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function formatSpread(spread: Spread): string {
  return `${formatNumber(spread.min)}–${formatNumber(spread.max)}`;
}

function measurementCells(m: Measurement): string[] {
  if (m.spread) {
    return [
      m.label,
      formatNumber(m.spread.median),
      formatSpread(m.spread),
      `${formatNumber(m.spread.q1)}–${formatNumber(m.spread.q3)}`,
      m.unit,
    ];
  }
  const value = typeof m.value === 'number' ? formatNumber(m.value) : (m.value ?? '');
  return [m.label, value, '', '', m.unit];
}

function figureLines(figure: FigureResult): string[] {
  const rows = [['measurement', 'median', 'min–max', 'IQR', 'unit'], ...figure.measurements.map(measurementCells)];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [
    `${figure.id}. ${figure.title}`,
    ...rows.map((row) => `   ${line(row)}`),
    ...figure.targets.map(
      (t) =>
        `   ${t.met ? 'MET   ' : 'MISSED'} ${t.target}: ${formatNumber(t.actual)} ${t.unit} (limit ${formatNumber(t.limit)})`
    ),
    ...figure.notes.map((note) => `   note: ${note}`),
  ];
}

/** The report as a plain-text table, one block per figure, targets marked MET / MISSED. */
export function renderTable(report: BenchReport): string {
  const { environment } = report;
  return [
    `OpenTruss datasource benchmark — ${environment.date}, commit ${environment.commit}` +
      `${environment.pluginsModified ? ' (plus uncommitted changes in plugins/ or packages/)' : ''}, ` +
      `profile ${report.profile.name}, server ${report.serverPlacement}`,
    `${environment.cpus} × ${environment.cpuModel}, ${environment.os}, Node ${environment.node}; ` +
      `load average at start ${environment.loadAtStart.map((l) => l.toFixed(2)).join(' / ')}, at end ${environment.loadAtEnd.map((l) => l.toFixed(2)).join(' / ')}`,
    'Times are medians of repeated runs; min–max and IQR (interquartile range) show the spread.',
    '',
    ...report.figures.flatMap((figure) => [...figureLines(figure), '']),
    `Unhandled promise rejections during the run: ${report.unhandledRejections}`,
    `Total run time: ${formatNumber(report.totalSeconds)} s`,
  ].join('\n');
}
