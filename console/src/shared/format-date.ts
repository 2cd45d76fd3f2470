/** A timestamp as the console prints it: UTC, to the second. */
export function formatDate(iso: string | Date | undefined): string {
  if (!iso) return '-';
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return d.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
}
