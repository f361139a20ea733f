/**
 * Query-string and form-body parameters, keeping each value's raw (still percent-encoded) text: the
 * HTTP-Redirect signature covers the raw octets as sent, so they must not be re-encoded (SAML bindings §3.4.4.1).
 */
export interface RawParam {
  name: string;
  /** The value as it appeared, percent-encoding intact. */
  raw: string;
  /** The value after form decoding (`+` → space, `%XX` → byte). */
  value: string;
}

/** Decodes one `application/x-www-form-urlencoded` component; undefined when its percent-encoding is broken. */
export function formDecode(component: string): string | undefined {
  try {
    return decodeURIComponent(component.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** Splits `a=1&b=2` (no leading `?`) into parameters in order; line breaks around the text are ignored. */
export function parseParams(query: string): RawParam[] | undefined {
  const params: RawParam[] = [];
  for (const part of query.trim().split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq === -1 ? part : part.slice(0, eq);
    const raw = eq === -1 ? '' : part.slice(eq + 1);
    const name = formDecode(rawName);
    const value = formDecode(raw);
    if (name === undefined || value === undefined) return undefined;
    params.push({ name: name.trim(), raw, value });
  }
  return params;
}

/** The query part of a URL (between `?` and `#`), or undefined when there is none. */
export function queryOfUrl(url: string): string | undefined {
  const q = url.indexOf('?');
  if (q === -1) return undefined;
  const hash = url.indexOf('#', q);
  return url.slice(q + 1, hash === -1 ? undefined : hash);
}

/** Base64 carried in a form or query value: a `+` that was not percent-encoded arrives as a space. */
export function base64FromFormValue(value: string): string {
  return value.replace(/ /g, '+');
}
