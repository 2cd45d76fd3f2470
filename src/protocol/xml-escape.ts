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

/**
 * True when `text` may hold something SPECIAL matches. A plain loop over char codes: every value
 * of every answer passes here, and for the short ASCII values answers are made of it is several
 * times cheaper than the Unicode regex. Anything from U+D800 up is left to the regex to judge.
 */
function mayNeedEscaping(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a) return true;
    } else if (c === 0x26 || c === 0x3c || c === 0x3e || c === 0x22 || c === 0x27 || c >= 0xd800) {
      return true;
    }
  }
  return false;
}

/** Escapes `text` for use as XML element content; returns it unchanged (no copy) in the common case. */
export function escapeXml(text: string): string {
  return mayNeedEscaping(text) && SPECIAL.test(text) ? text.replace(SPECIAL_ALL, replace) : text;
}
