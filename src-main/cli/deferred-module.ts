/**
 * A stand-in for a CommonJS module of a dependency, entered in Node's require cache before anything loads
 * the module ("Adding or replacing entries is also possible", https://nodejs.org/api/modules.html#requirecache).
 * The stand-in serves the members it is given itself; reading any other member loads the real module once
 * and reads it there. Code that requires the module but never reads those members never pays for loading it.
 */
import { Module } from 'node:module';

type Members = Record<PropertyKey, unknown>;

/**
 * Enters the stand-in for `file` (an absolute path `require` resolved) with the `own` members. Does nothing
 * when the real module is already loaded. Returns whether the stand-in was entered.
 */
export function deferModule(require: NodeJS.Require, file: string, own: Members = {}): boolean {
  if (require.cache[file]) return false;
  let real: Members | undefined;
  const loadReal = (): Members => (real ??= loadBehind(require, file));
  const exports = new Proxy(own, {
    get: (target, key) => (Object.hasOwn(target, key) ? target[key] : Reflect.get(loadReal(), key)),
    has: (target, key) => Object.hasOwn(target, key) || Reflect.has(loadReal(), key),
  });
  const standIn = new Module(file);
  standIn.filename = file;
  standIn.exports = exports;
  standIn.loaded = true;
  require.cache[file] = standIn;
  return true;
}

/** Loads the real module at `file` although its stand-in holds the cache entry, which it then keeps. */
function loadBehind(require: NodeJS.Require, file: string): Members {
  const standIn = require.cache[file];
  delete require.cache[file];
  try {
    return require(file) as Members;
  } finally {
    if (standIn) require.cache[file] = standIn;
  }
}
