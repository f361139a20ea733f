/**
 * What the live capture list receives for one exchange: never bodies, and in presentation mode no
 * query string either (a Redirect-binding query carries the SAML message and the RelayState). The SAML
 * message types are decoded here, in main, so the renderer needs neither the query nor the form body.
 */
import { urlWithoutQuery } from '../core/flow/exchange-label.js';
import { samlCarriersOf } from '../core/flow/saml-carriers.js';
import { decodeInput } from '../core/input/decode.js';
import type { CapturedExchange } from '../core/model/input.js';
import type { CaptureExchangeSummary } from '../ipc/contract.js';

/** The local name of the document element, after any XML declaration, comments or doctype. */
const ROOT_ELEMENT = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>)*<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/;

/** SAML message types an exchange carries (`AuthnRequest`, `Response`, …), or the parameter name when it does not decode. */
export function samlMessageTypes(exchange: CapturedExchange): string[] {
  const types: string[] = [];
  for (const carrier of samlCarriersOf(exchange)) {
    const decoded = decodeInput(carrier.text);
    if (decoded.ok) {
      for (const m of decoded.messages) types.push(ROOT_ELEMENT.exec(m.xml.replace(/^\ufeff/, ''))?.[1] ?? 'SAML message');
    } else {
      types.push(/SAMLResponse=/.test(carrier.text) ? 'SAMLResponse' : 'SAMLRequest');
    }
  }
  return types;
}

export function captureExchangeSummary(exchange: CapturedExchange, presentation: boolean): CaptureExchangeSummary {
  const summary: CaptureExchangeSummary = {
    index: exchange.index,
    method: exchange.method,
    url: presentation ? urlWithoutQuery(exchange.url) : exchange.url,
    saml: samlMessageTypes(exchange),
  };
  if (exchange.status !== undefined) summary.status = exchange.status;
  return summary;
}
