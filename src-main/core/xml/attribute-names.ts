import type { Element } from '@xmldom/xmldom';

/**
 * Attribute names the Namespaces in XML recommendation reserves, and namespace names that are not URIs.
 *
 * Names beginning with "xml" (in any case) are reserved (https://www.w3.org/TR/xml-names/#xmlReserved); only
 * `xml:*`, `xmlns` and `xmlns:*` have a meaning. They matter for signatures: xml-crypto's canonicalisers skip
 * every attribute whose name starts with "xmlns", so `xmlnsEvil="x"` added to a signed element changes it
 * without changing its digest (docs/xml-crypto-xmlns-canonicalisation.md). A namespace name is a URI
 * reference, which never contains whitespace (libxml2 refuses it), and an absolute one: canonicalisation
 * fails on relative namespace names (https://www.w3.org/TR/xml-c14n/#NoNSPrefixes; xmlsec1 refuses them).
 */
/** RFC 3986 scheme then ":" (urn:…, http:…): what makes a namespace name an absolute URI. */
const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:/;
/**
 * ASCII that RFC 3986 never allows in a URI (https://www.rfc-editor.org/rfc/rfc3986#appendix-A), and a "%"
 * not followed by two hex digits. libxml2 cannot parse such a namespace name as a URI and its
 * canonicalisation fails, so xmlsec1 refuses a signature over it (fuzzer seed 20261207, index 26706:
 * `xmlns:ds="http://www>w3.org/…"`). Checked before the whole syntax (URI_SYNTAX) to name the character.
 */
// eslint-disable-next-line no-control-regex
const NOT_IN_A_URI = /[\u0000-\u0020"<>\\^`{|}\u007f]|%(?![0-9A-Fa-f]{2})/;
/** "[" and "]" belong in a URI only around an IP-literal host, `scheme://[::1]/` (RFC 3986 §3.2.2); fuzzer seed 20261210, index 626653: `…/2001/X]LSchema`. */
const IP_LITERAL_HOST = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[^/?#@[\]]*@)?\[[^\]/?#]*\]/;
const BRACKET = /[[\]]/;

/**
 * An absolute URI as RFC 3986 spells it (https://www.rfc-editor.org/rfc/rfc3986#appendix-A): scheme, then an
 * authority and path, then query and fragment. A fragment never holds another "#", a port is digits, and so on:
 * libxml2 cannot parse a namespace name that breaks such a rule either, and xmlsec1 then refuses the signature
 * (fuzzer seed 20261211, index 714033: `xmlns:ds="http://www.w#.org/2000/09/xmldsig#"`). Characters beyond
 * ASCII are let through (IRIs), as before. Each repeated group starts with a character the one before cannot
 * hold, so matching stays linear.
 */
const PCHAR = String.raw`(?:[A-Za-z0-9\-._~!$&'()*+,;=:@\u0080-\uffff]|%[0-9A-Fa-f]{2})`;
const USERINFO = String.raw`(?:[A-Za-z0-9\-._~!$&'()*+,;=:\u0080-\uffff]|%[0-9A-Fa-f]{2})*@`;
const HOST = String.raw`(?:\[(?:[0-9A-Fa-f:.]+|v[0-9A-Fa-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+)\]|(?:[A-Za-z0-9\-._~!$&'()*+,;=\u0080-\uffff]|%[0-9A-Fa-f]{2})*)`;
const HIER_PART = String.raw`(?://(?:${USERINFO})?${HOST}(?::[0-9]*)?(?:/${PCHAR}*)*|/(?:${PCHAR}+(?:/${PCHAR}*)*)?|${PCHAR}+(?:/${PCHAR}*)*|)`;
const URI_SYNTAX = new RegExp(String.raw`^[A-Za-z][A-Za-z0-9+.\-]*:${HIER_PART}(?:\?(?:${PCHAR}|[/?])*)?(?:#(?:${PCHAR}|[/?])*)?$`);

/** What breaks the URI syntax, in words, for the commonest cases; the rule otherwise. */
function uriSyntaxProblem(value: string): string {
  if (value.indexOf('#') !== value.lastIndexOf('#')) return 'it has a second "#", which a fragment cannot hold';
  if (/^[^:]+:\/\/[^/?#@[\]]*:[0-9]*[^0-9/?#]/.test(value)) return 'its port is not a number';
  return 'it does not follow the URI syntax';
}

export function checkAttributeNames(el: Element): string | undefined {
  const attributes = el.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes[i]!;
    const name = attribute.nodeName;
    const declaresNamespace = name === 'xmlns' || name.startsWith('xmlns:');
    if (/^xml/i.test(name) && !declaresNamespace && !name.startsWith('xml:')) {
      return `attribute ${name} on <${el.nodeName}> uses a reserved name: names beginning with "xml" are reserved by Namespaces in XML (only xml:*, xmlns and xmlns:* are allowed)`;
    }
    if (declaresNamespace && /\s/.test(attribute.nodeValue ?? '')) {
      return `the namespace name ${JSON.stringify(attribute.nodeValue)} declared by ${name} on <${el.nodeName}> contains whitespace, which a namespace URI never does`;
    }
    const value = attribute.nodeValue ?? '';
    const badCharacter = declaresNamespace ? (NOT_IN_A_URI.exec(value) ?? BRACKET.exec(value.replace(IP_LITERAL_HOST, ''))) : null;
    if (badCharacter) {
      return `the namespace name ${JSON.stringify(value)} declared by ${name} on <${el.nodeName}> contains ${JSON.stringify(badCharacter[0])}, which a URI never does (RFC 3986)`;
    }
    if (declaresNamespace && value !== '' && !ABSOLUTE_URI.test(value)) {
      return `the namespace name ${JSON.stringify(value)} declared by ${name} on <${el.nodeName}> is not an absolute URI: Namespaces in XML deprecates relative namespace names and Canonical XML refuses them (libxml2 and xmlsec1 do)`;
    }
    if (declaresNamespace && value !== '' && !URI_SYNTAX.test(value)) {
      return `the namespace name ${JSON.stringify(value)} declared by ${name} on <${el.nodeName}> is not a URI: ${uriSyntaxProblem(value)} (RFC 3986)`;
    }
  }
  return undefined;
}
