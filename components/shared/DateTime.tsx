import { formatDateTime, isoDateTime } from './format-time';

export function DateTime({ ms }: { ms: number }) {
  return <time dateTime={isoDateTime(ms)}>{formatDateTime(ms)}</time>;
}
