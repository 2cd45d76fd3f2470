/** Text of every `<tag>...</tag>` in an EC2 XML answer, in order (enough for ids in our answers). */
export function xmlValues(body: Buffer | string | undefined, tag: string): string[] {
  if (body === undefined) return [];
  const text = typeof body === 'string' ? body : body.toString('utf8');
  const out: string[] = [];
  const open = `<${tag}>`;
  const close = `</${tag}>`;
  let at = text.indexOf(open);
  while (at >= 0) {
    const end = text.indexOf(close, at + open.length);
    if (end < 0) break;
    out.push(text.slice(at + open.length, end));
    at = text.indexOf(open, end + close.length);
  }
  return out;
}
