/** All calendar logic runs in China Standard Time, which has had no DST since 1991. */
export const ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3600_000;

/** ISO 8601 with the +08:00 offset, as every API time is written: 2026-09-20T10:00:00+08:00. */
export function toIsoShanghai(date: Date): string {
  const shifted = new Date(date.getTime() + OFFSET_MS).toISOString(); // 2026-09-20T02:00:00.000Z shifted
  const ms = shifted.slice(19, 23);
  return `${shifted.slice(0, 19)}${ms === '.000' ? '' : ms}+08:00`;
}

export function toIsoOrNull(date: Date | null | undefined): string | null {
  return date ? toIsoShanghai(date) : null;
}
