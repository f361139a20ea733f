/**
 * A stand-in for a CommonJS module of a dependency: the CLI bundle puts it where the dependency's code requires
 * the module (scripts/cli-bundled-packages.mjs). The stand-in serves the members it is given itself; reading any
 * other member loads the real module once and reads it there. Code that requires the module but never reads those
 * members never pays for loading it, nor for finding it: the bundle resolves nothing for it at start-up.
 */
type Members = Record<PropertyKey, unknown>;

/** The stand-in with the `own` members; `load` requires the real module when another member is first read. */
export function deferredModule(load: () => Members, own: Members = {}): Members {
  let real: Members | undefined;
  const loadReal = (): Members => (real ??= load());
  return new Proxy(own, {
    get: (target, key) => (Object.hasOwn(target, key) ? target[key] : Reflect.get(loadReal(), key)),
    has: (target, key) => Object.hasOwn(target, key) || Reflect.has(loadReal(), key),
  });
}
