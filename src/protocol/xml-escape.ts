// Escaping for XML 1.0 text content.
//
// Besides the five markup characters, XML 1.0 cannot carry C0 control characters other than
// tab/LF/CR, lone UTF-16 surrogates, or U+FFFE/U+FFFF at all - not even as character references
// (`&#1;` is only legal in XML 1.1) - so those are REPLACED with U+FFFD, the Unicode replacement
// character. CR is legal but every XML parser folds it into LF, so it is written as `&#13;` to
// survive the round trip.
//
// The `u` flag makes `[\uD800-\uDFFF]` match only unpaired surrogates: a valid pair is read as
// one astral code point and falls outside the class.
const SPECIAL = /[&<>"'\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u;
const SPECIAL_ALL = new RegExp(SPECIAL.source, 'gu');

const REPLACEMENTS: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
};

function replace(char: string): string {
  return REPLACEMENTS[char] ?? '\uFFFD';
}

/** Escapes `text` for use as XML element content; returns it unchanged (no copy) in the common case. */
export function escapeXml(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, replace) : text;
}
