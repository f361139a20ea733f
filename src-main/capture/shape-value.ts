/**
 * Bounds a value JSON.parse produced exactly as JsonShapeReader bounds the same value while it streams
 * (json-stream-reader.ts): the same keys kept, the same strings cut, the same WrongKind markers, the
 * same truncation paths. It is the definition the fast importer's byte reader (shaped-bytes.ts) must
 * meet without building the whole value, and its tests compare the two. One difference neither can
 * see: a key repeated in one object (JSON.parse keeps only the last value, the reader also notes cuts
 * in the first), so entries with repeated keys go through the streaming reader instead.
 */
import { WrongKind, type Shape } from './json-shape.js';

/** What the reader keeps of a string where an object or array belongs: enough to say what was found. */
export const STRING_IN_CONTAINER_MAX = 256;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The path of a child of `parent`, as the streaming reader writes it (`headers[3]`, `content.text`). */
export function childPath(parent: string, ref: string | number): string {
  if (typeof ref === 'number') return `${parent}[${ref}]`;
  return IDENTIFIER.test(ref) ? `${parent}${parent === '' ? '' : '.'}${ref}` : `${parent}[${JSON.stringify(ref)}]`;
}

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

class ShapeBounder {
  readonly truncated: string[] = [];

  /** `path` is relative to the element; undefined for the element itself (the reader notes no cut there). */
  bound(value: unknown, shape: Shape, depth: number, path: string | undefined): unknown {
    if (isContainer(value)) return this.container(value, shape, depth, path);
    if (typeof value !== 'string') return value;
    const max = shape.kind === 'string' || shape.kind === 'scalar' || shape.kind === 'any' ? shape.max : STRING_IN_CONTAINER_MAX;
    if (value.length <= max) return value;
    if (path !== undefined) this.truncated.push(path);
    return value.slice(0, max);
  }

  private container(value: object, shape: Shape, depth: number, path: string | undefined): unknown {
    const isArray = Array.isArray(value);
    if (shape.kind === 'any') return isArray ? this.anyArray(value, shape, depth, path) : this.anyObject(value as Record<string, unknown>, shape, depth, path);
    if (!isArray && shape.kind === 'object') return this.object(value as Record<string, unknown>, shape.keys, path);
    if (isArray && shape.kind === 'array') return this.array(value, shape.of, shape.max, path);
    return new WrongKind(isArray ? 'array' : 'object');
  }

  private object(value: Record<string, unknown>, keys: Record<string, Shape>, path: string | undefined): Record<string, unknown> {
    const out = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value)) {
      if (!Object.prototype.hasOwnProperty.call(keys, key)) continue;
      const child = keys[key]!;
      const kept = this.bound(value[key], child, child.kind === 'any' ? child.depth : 0, childPath(path ?? '', key));
      Object.defineProperty(out, key, { value: kept, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  private array(value: unknown[], of: Shape, max: number, path: string | undefined): unknown[] {
    const out: unknown[] = [];
    const kept = Math.min(value.length, max);
    for (let i = 0; i < kept; i++) out.push(this.bound(value[i], of, of.kind === 'any' ? of.depth : 0, childPath(path ?? '', i)));
    if (value.length > max && path !== undefined) this.truncated.push(childPath(path, max));
    else if (value.length > max) this.truncated.push(childPath('', max));
    return out;
  }

  /** An `any` container keeps every key, but only `depth` levels of them. */
  private anyObject(value: Record<string, unknown>, shape: Shape, depth: number, path: string | undefined): Record<string, unknown> {
    const out = Object.create(null) as Record<string, unknown>;
    if (depth === 0) return out;
    for (const key of Object.keys(value)) {
      const kept = this.bound(value[key], shape, depth - 1, childPath(path ?? '', key));
      Object.defineProperty(out, key, { value: kept, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  private anyArray(value: unknown[], shape: Shape, depth: number, path: string | undefined): unknown[] {
    if (depth === 0) return [];
    return value.map((item, i) => this.bound(item, shape, depth - 1, childPath(path ?? '', i)));
  }
}

/** `value` bounded by `shape` as one element of a streamed array, with the relative paths of what was cut. */
export function shapeElement(value: unknown, shape: Shape): { value: unknown; truncated: string[] } {
  const bounder = new ShapeBounder();
  const kept = bounder.bound(value, shape, shape.kind === 'any' ? shape.depth : 0, undefined);
  return { value: kept, truncated: bounder.truncated };
}
