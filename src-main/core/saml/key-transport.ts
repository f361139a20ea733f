/**
 * The XML Encryption key-transport algorithm the engine names outside decryption (the obsolete-key-transport
 * finding). Kept apart from decrypt-rsa15.ts so naming it does not load node-forge.
 */
export const RSA_1_5 = 'http://www.w3.org/2001/04/xmlenc#rsa-1_5';
