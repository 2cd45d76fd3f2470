/** An AWS account id as the CLI takes it: exactly 12 digits. */
export function isAccountId(value: string): boolean {
  return /^\d{12}$/.test(value);
}
