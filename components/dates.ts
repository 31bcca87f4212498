// Display rules for instants, shared by the components.

/**
 * Deadlines are stored as the exclusive end of their last day ("by August 31" is 1 September
 * 00:00 local). Shown as a date, that must read "31 August": step back one millisecond.
 */
export function lastDayOf(deadlineIso: string): Date {
  return new Date(new Date(deadlineIso).getTime() - 1);
}

/** "UTC+04:30" for Asia/Kabul at that instant. */
export function utcOffsetLabel(timeZone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((piece) => piece.type === 'timeZoneName');
  const offset = part?.value.replace('GMT', '') ?? '';
  return `UTC${offset || '+00:00'}`;
}
