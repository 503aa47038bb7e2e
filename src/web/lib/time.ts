/**
 * China has kept UTC+8 all year since 1991 (no daylight saving), so Asia/Shanghai is a
 * fixed offset: no time-zone database needed, and the result does not depend on the
 * zone of the browser that shows it.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Formats an ISO 8601 instant as `YYYY-MM-DD HH:mm` in Asia/Shanghai; '' for none, the input if unparsable. */
export function formatShanghai(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  );
}
