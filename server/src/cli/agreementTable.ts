import type { AgreementReport, LabelAgreement } from '../core/agreement/compareAnnotators';

/** `0.857`, or `—` for an undefined measure. */
function figure(value: number | null): string {
  return value === null ? '—' : value.toFixed(3);
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
}

/**
 * The agreement report as text: a table per label and overall (F1 exact, F1 overlap, κ over tokens, αU),
 * then F1 per article. Undefined measures (nothing to agree on) print as `—`.
 */
export function renderAgreementTable(report: AgreementReport, heading: string): string {
  const lines = [heading, ''];
  const labelRows: [string, LabelAgreement][] = [...Object.entries(report.labels), ['overall', report.overall]];
  const labelWidth = Math.max(7, ...labelRows.map(([label]) => label.length));
  const widths = [labelWidth, 7, 7, 8, 10, 8, 6];
  lines.push(row(['label', 'spans A', 'spans B', 'F1 exact', 'F1 overlap', 'κ tokens', 'αU'], widths));
  for (const [label, m] of labelRows) {
    lines.push(row([label, String(m.spansA), String(m.spansB), figure(m.f1Exact), figure(m.f1Overlap), figure(m.kappa), figure(m.alphaU)], widths));
  }
  lines.push('');
  const documentWidth = Math.max(7, ...report.documents.map((d) => d.document.length));
  const documentWidths = [documentWidth, 7, 7, 8, 10];
  lines.push(row(['article', 'spans A', 'spans B', 'F1 exact', 'F1 overlap'], documentWidths));
  for (const d of report.documents) lines.push(row([d.document, String(d.spansA), String(d.spansB), figure(d.f1Exact), figure(d.f1Overlap)], documentWidths));
  return lines.join('\n') + '\n';
}
