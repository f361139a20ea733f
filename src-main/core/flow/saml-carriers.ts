/**
 * Where an HTTP exchange carries a SAML message: the query string (HTTP-Redirect, or a GET form), the
 * raw form body, or form parameters an exporter parsed for us. Importers use `carriesSamlMessage` to
 * decide which entries of a large capture to keep; extraction decodes what the carriers hold.
 */
import type { CapturedExchange } from '../model/input.js';

export const SAML_MESSAGE_PARAMS = ['SAMLRequest', 'SAMLResponse'] as const;

const IN_QUERY = /[?&]SAML(?:Request|Response)=/;
const IN_BODY = /(?:^|&)\s*SAML(?:Request|Response)=/;

export type SamlCarrier = { where: 'query'; text: string } | { where: 'body'; text: string } | { where: 'params'; text: string };

/** Percent-encodes one form component the way browsers do for application/x-www-form-urlencoded. */
function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}

/** A form body rebuilt from parsed parameters (values already decoded), so the normal decoder can read it. */
export function formBodyOf(params: Array<{ name: string; value: string }>): string {
  return params.map((p) => `${formEncode(p.name)}=${formEncode(p.value)}`).join('&');
}

export function queryCarriesSaml(url: string): boolean {
  return IN_QUERY.test(url);
}

export function bodyCarriesSaml(body: string): boolean {
  return IN_BODY.test(body);
}

/** Every place in this exchange that holds a SAMLRequest or SAMLResponse, in the order a browser sends them. */
export function samlCarriersOf(exchange: CapturedExchange): SamlCarrier[] {
  const carriers: SamlCarrier[] = [];
  if (queryCarriesSaml(exchange.url)) carriers.push({ where: 'query', text: exchange.url });
  if (exchange.requestBody !== undefined && bodyCarriesSaml(exchange.requestBody)) {
    carriers.push({ where: 'body', text: exchange.requestBody });
  } else if (exchange.requestParams?.some((p) => (SAML_MESSAGE_PARAMS as readonly string[]).includes(p.name))) {
    carriers.push({ where: 'params', text: formBodyOf(exchange.requestParams) });
  }
  return carriers;
}

export function carriesSamlMessage(exchange: CapturedExchange): boolean {
  return samlCarriersOf(exchange).length > 0;
}
