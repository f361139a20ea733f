/**
 * Captured-flow analysis: the SAML messages of a HAR, SAML-tracer export or in-app capture,
 * paired request to response, with the SP's and IdP's answer pages recognised. Pure.
 */
export { extractFlowMessages, extractFlowMessageSources, importNoteFindings, type FlowMessageSource } from './extract-messages.js';
export { analyzeFlow } from './analyze-flow.js';
export { buildFlowTimeline, type FlowTimeline, type FlowTimelineEntry, type FlowTimelinePage, type FlowTimelinePair } from './timeline.js';
export { carriesSamlMessage, samlCarriersOf, formBodyOf } from './saml-carriers.js';
export { recognizeSpErrorPage, recognizeIdpErrorPage, type ErrorPage, type SpErrorPage, type IdpErrorPage } from './answer-pages.js';
export { pairMessages, answeredRequestId, type FlowPair, type PairedBy } from './pair-messages.js';
export { exchangeLabel, urlWithoutQuery } from './exchange-label.js';
export { redactFlowTimeline } from './redact-timeline.js';
