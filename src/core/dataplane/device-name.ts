/**
 * A device name for an interface's or a peering's veth. Interface names are at most 15
 * characters (IFNAMSIZ), so a device is one letter for its kind and the last 14 hex digits of the
 * id (ids are random hex): unique in practice, and the same on every start, so nothing needs to be
 * remembered between runs.
 */
export function deviceName(kind: 'e' | 'p', id: string): string {
  return `${kind}${id.slice(id.lastIndexOf('-') + 1).slice(-14)}`;
}
