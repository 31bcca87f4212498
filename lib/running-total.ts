// The rule that a running total does not fall, in words shared by every way a figure comes in
// (the write API, the admin form, the CSV import): a cumulative figure lower than the latest one
// before it on the same basis means one of the two is wrong, and the wrong one is corrected with a
// reason rather than contradicted by a new figure.

export interface EarlierTotal {
  value: number;
  /** The as-of instant as the reader knows it (ISO 8601). */
  asOf: string;
  /** Which figure it is: `figure 123`, `row 4`. */
  which: string;
}

export function runningTotalFallMessage(earlier: EarlierTotal): string {
  return (
    `is lower than the latest figure on this basis (${earlier.value.toLocaleString('en')} as of ` +
    `${earlier.asOf}, ${earlier.which}). A running total does not fall: if that figure ` +
    'was wrong, correct it with a reason instead.'
  );
}
