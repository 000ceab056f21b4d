/**
 * A small config schema kit: validators composed like zod's, the TypeScript type inferred from the
 * schema, and issues that name the key. Written for the cards because zod (even zod/mini) added about
 * a fifth of our own code to a bundle that must stay within 10 % of the ECharts set it draws with.
 */
export type Path = ReadonlyArray<string | number>;

export interface Issue {
  path: Path;
  code: 'required' | 'invalid_type' | 'invalid_value' | 'unrecognized_keys';
  message: string;
  /** unrecognized_keys only */
  keys?: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export interface Schema<T> {
  readonly optional: boolean;
  check(value: unknown, path: Path): Result<T>;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K]['optional'] extends true ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<S extends Shape> = Simplify<
  { [K in RequiredKeys<S>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (path: Path, code: Issue['code'], message: string): Result<never> => ({
  ok: false,
  issues: [{ path, code, message }],
});

function leaf<T>(
  test: (v: unknown) => v is T,
  expected: string,
  extra?: (v: T, path: Path) => Result<T>,
): Schema<T> {
  return {
    optional: false,
    check(value, path) {
      if (value === undefined) return fail(path, 'required', 'is required');
      if (!test(value)) return fail(path, 'invalid_type', `must be ${expected}`);
      return extra ? extra(value, path) : ok(value);
    },
  };
}

export function string(
  options: { pattern?: RegExp; message?: string; nonEmpty?: boolean } = {},
): Schema<string> {
  return leaf(
    (v): v is string => typeof v === 'string',
    'text',
    (v, path) => {
      if (options.nonEmpty && v.length === 0) return fail(path, 'required', 'is required');
      if (options.pattern && !options.pattern.test(v))
        return fail(path, 'invalid_value', options.message ?? `must match ${options.pattern}`);
      return ok(v);
    },
  );
}

export function boolean(): Schema<boolean> {
  return leaf((v): v is boolean => typeof v === 'boolean', 'true or false');
}

export function enumOf<const V extends readonly string[]>(values: V): Schema<V[number]> {
  return leaf(
    (v): v is V[number] => typeof v === 'string',
    `one of ${values.join(', ')}`,
    (v, path) =>
      values.includes(v) ? ok(v) : fail(path, 'invalid_value', `must be one of ${values.join(', ')}`),
  );
}

export function unknown(): Schema<unknown> {
  return { optional: false, check: (value) => ok(value) };
}

export function optional<T>(schema: Schema<T>): Schema<T | undefined> & { optional: true } {
  return {
    optional: true,
    check: (value, path) => (value === undefined ? ok(undefined) : schema.check(value, path)),
  };
}

export function array<T>(item: Schema<T>): Schema<T[]> {
  return leaf(
    (v): v is unknown[] => Array.isArray(v),
    'a list',
    (list, path) => collect(list.map((v, i) => item.check(v, [...path, i]))),
  ) as Schema<T[]>;
}

/** A mapping that allows only the given keys: a typo is reported, never silently ignored. */
export function strictObject<S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  return leaf(
    (v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v),
    'a mapping of keys to values',
    (obj, path) => {
      const results: Array<Result<unknown>> = [];
      const unknownKeys = Object.keys(obj).filter((k) => !Object.prototype.hasOwnProperty.call(shape, k));
      if (unknownKeys.length)
        results.push({
          ok: false,
          issues: [{ path, code: 'unrecognized_keys', message: 'unknown keys', keys: unknownKeys }],
        });
      const out: Record<string, unknown> = {};
      for (const [key, schema] of Object.entries(shape)) {
        const r = schema.check(obj[key], [...path, key]);
        if (r.ok && r.value !== undefined) out[key] = r.value;
        results.push(r);
      }
      const merged = collect(results);
      return merged.ok ? ok(out) : merged;
    },
  ) as Schema<ObjectOf<S>>;
}

/** Any mapping (HA's own layout keys such as grid_options). */
export function record(): Schema<Record<string, unknown>> {
  return leaf(
    (v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v),
    'a mapping of keys to values',
  );
}

function collect<T>(results: Array<Result<unknown>>): Result<T[]> {
  const issues = results.flatMap((r) => (r.ok ? [] : r.issues));
  return issues.length ? { ok: false, issues } : ok(results.map((r) => (r as { value: T }).value));
}
