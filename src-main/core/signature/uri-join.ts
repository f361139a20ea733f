/**
 * Joining xml:base values for Canonical XML 1.1's xml:base fixup (https://www.w3.org/TR/xml-c14n11/#XMLBaseFixup):
 * RFC 3986 §5.2.2 reference resolution against a base that may itself be relative, with the C14N 1.1
 * change to dot-segment removal that keeps leading `..` segments a relative result still needs.
 */

interface UriParts {
  scheme?: string;
  authority?: string;
  path: string;
  query?: string;
  fragment?: string;
}

// RFC 3986 appendix B.
const URI_PARTS = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/;

function parse(uri: string): UriParts {
  const m = URI_PARTS.exec(uri)!;
  const parts: UriParts = { path: m[3] ?? '' };
  if (m[1] !== undefined) parts.scheme = m[1];
  if (m[2] !== undefined) parts.authority = m[2];
  if (m[4] !== undefined) parts.query = m[4];
  if (m[5] !== undefined) parts.fragment = m[5];
  return parts;
}

function format(t: UriParts): string {
  let out = '';
  if (t.scheme !== undefined) out += `${t.scheme}:`;
  if (t.authority !== undefined) out += `//${t.authority}`;
  out += t.path;
  if (t.query !== undefined) out += `?${t.query}`;
  if (t.fragment !== undefined) out += `#${t.fragment}`;
  return out;
}

/**
 * RFC 3986 §5.2.4 as C14N 1.1 modifies it: a `..` that would climb above the start of a relative path
 * is kept (`../../x` stays `../../x`), instead of being dropped.
 */
export function removeDotSegments(path: string): string {
  const absolute = path.startsWith('/');
  const segments = path.split('/');
  if (absolute) segments.shift();
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const last = i === segments.length - 1;
    if (segment === '.') {
      if (last) out.push('');
      continue;
    }
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      if (last) out.push('');
      continue;
    }
    out.push(segment);
  }
  return (absolute ? '/' : '') + out.join('/');
}

function merge(base: UriParts, refPath: string): string {
  if (base.authority !== undefined && base.path === '') return `/${refPath}`;
  const slash = base.path.lastIndexOf('/');
  return slash === -1 ? refPath : base.path.slice(0, slash + 1) + refPath;
}

/** Resolves `reference` against `base` (RFC 3986 §5.2.2); `base` may be relative. */
export function joinUriReferences(base: string, reference: string): string {
  const r = parse(reference);
  const b = parse(base);
  const t: UriParts = { path: '' };
  if (r.scheme !== undefined) {
    Object.assign(t, r, { path: removeDotSegments(r.path) });
  } else {
    if (r.authority !== undefined) {
      t.authority = r.authority;
      t.path = removeDotSegments(r.path);
      if (r.query !== undefined) t.query = r.query;
    } else {
      if (r.path === '') {
        t.path = b.path;
        const query = r.query ?? b.query;
        if (query !== undefined) t.query = query;
      } else {
        t.path = removeDotSegments(r.path.startsWith('/') ? r.path : merge(b, r.path));
        if (r.query !== undefined) t.query = r.query;
      }
      if (b.authority !== undefined) t.authority = b.authority;
    }
    if (b.scheme !== undefined) t.scheme = b.scheme;
  }
  if (r.fragment !== undefined) t.fragment = r.fragment;
  return format(t);
}
