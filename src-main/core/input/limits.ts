/** Size bounds for anything pasted or loaded as a SAML message, checked before each decoding step. */
export interface InputLimits {
  /** Characters of raw input accepted at all (a whole pasted URL, form body or document). */
  maxInputChars: number;
  /** Bytes of one decoded message: after base64, and after DEFLATE (the inflater stops at this many bytes). */
  maxDecodedBytes: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = Object.freeze({
  maxInputChars: 5_000_000,
  maxDecodedBytes: 1_000_000,
});

export function resolveInputLimits(limits: Partial<InputLimits> = {}): InputLimits {
  return { ...DEFAULT_INPUT_LIMITS, ...limits };
}

/** Longest compact base64 text that can decode to at most `maxBytes` bytes. */
export function maxBase64Chars(maxBytes: number): number {
  return Math.ceil(maxBytes / 3) * 4;
}
