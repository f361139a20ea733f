/** Human-readable durations for time findings ("2 h 5 min", "45 s"). */

export function formatDuration(ms: number): string {
  const totalSeconds = Math.round(Math.abs(ms) / 1000);
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (totalMinutes < 60) return seconds ? `${totalMinutes} min ${seconds} s` : `${totalMinutes} min`;
  const totalHours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (totalHours < 48) return minutes ? `${totalHours} h ${minutes} min` : `${totalHours} h`;
  const days = Math.floor(totalHours / 24);
  const hours = totalHours % 24;
  return hours ? `${days} days ${hours} h` : `${days} days`;
}

/** Parses an xs:dateTime; undefined when it is not one. */
export function parseInstant(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  // xs:dateTime needs a date and a time; Date.parse alone would also accept "2026" or "Nov 29".
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(value.trim())) return undefined;
  // SAML times are UTC; one without a zone must not be read in the machine's local time zone.
  const text = /(Z|[+-]\d{2}:\d{2})$/i.test(value.trim()) ? value.trim() : `${value.trim()}Z`;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}
