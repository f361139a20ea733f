export * from './certificate.js';
export * from './finding.js';
export * from './message.js';
export * from './result.js';
export * from './options.js';
export * from './input.js';
