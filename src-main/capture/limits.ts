/**
 * Bounds for everything a capture keeps. A HAR can be hundreds of megabytes of scripts and images;
 * samlscope keeps only the exchanges around SAML messages, each with bounded bodies.
 */
import { DEFAULT_INPUT_LIMITS } from '../core/input/decode.js';

export interface CaptureLimits {
  /** Characters of a response body kept (answer pages: the error sentence is near the top). */
  maxResponseBodyChars: number;
  /** Characters of a request body kept; one more than the engine accepts, so an oversized SAML post is reported, not cut. */
  maxRequestBodyChars: number;
  /** Characters of any other string (URLs, header values, parameters other than the body). */
  maxFieldChars: number;
  /** Exchanges kept after each SAML message, for the SP's or IdP's answer page. */
  answerWindow: number;
  /** Exchanges kept in total; a capture with more SAML traffic than this is not a single login. */
  maxExchanges: number;
  /** Headers kept per request or response. */
  maxHeaders: number;
  /** Notes kept; later ones are counted. */
  maxNotes: number;
}

export const DEFAULT_CAPTURE_LIMITS: CaptureLimits = Object.freeze({
  maxResponseBodyChars: 256 * 1024,
  maxRequestBodyChars: DEFAULT_INPUT_LIMITS.maxInputChars + 1,
  maxFieldChars: DEFAULT_INPUT_LIMITS.maxInputChars + 1,
  answerWindow: 30,
  maxExchanges: 2000,
  maxHeaders: 200,
  maxNotes: 25,
});
