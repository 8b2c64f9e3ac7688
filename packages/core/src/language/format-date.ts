import type { Json } from '../model/json'

/**
 * Formats a date given as epoch milliseconds or an ISO string, in UTC, so every peer and the
 * server render the same text. Tokens: YYYY MM DD HH mm ss SSS (anything else is kept).
 */
export function formatDate(value: Json | undefined, format = 'YYYY-MM-DD'): string | null {
  const date =
    typeof value === 'number'
      ? new Date(value)
      : typeof value === 'string' && value.trim() !== ''
        ? new Date(value)
        : null
  if (!date || Number.isNaN(date.getTime())) return null
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  const tokens: Record<string, string> = {
    YYYY: pad(date.getUTCFullYear(), 4),
    MM: pad(date.getUTCMonth() + 1),
    DD: pad(date.getUTCDate()),
    HH: pad(date.getUTCHours()),
    mm: pad(date.getUTCMinutes()),
    ss: pad(date.getUTCSeconds()),
    SSS: pad(date.getUTCMilliseconds(), 3),
  }
  return format.replace(/YYYY|SSS|MM|DD|HH|mm|ss/g, (token) => tokens[token] ?? token)
}
