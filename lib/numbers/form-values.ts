import { quantityOfEvidenceRow } from './columns';

const plain = (n: number) => n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });

/**
 * An evidence entry's figure as the figure field shows it for editing: the text it was given as
 * when that was kept, otherwise the exact number(s) with the unit chosen beside them. Either
 * parses back to the stored figure.
 */
export function figureFormValues(row: Parameters<typeof quantityOfEvidenceRow>[0]): Record<string, string> {
  const q = quantityOfEvidenceRow(row);
  if (!q) return { 'quantity.text': '', 'quantity.unit': '', 'quantity.measure': '' };
  const numbers =
    q.value !== null ? plain(q.value) : q.low !== null && q.high !== null ? `${plain(q.low)} to ${plain(q.high)}` : q.low !== null ? `over ${plain(q.low)}` : `under ${plain(q.high!)}`;
  return { 'quantity.text': q.text ?? numbers, 'quantity.unit': q.unit, 'quantity.measure': q.measure ?? '' };
}
