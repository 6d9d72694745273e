// Validates one Kubernetes object against the API's schemas, offline, with the
// validators of the kubernetes-models package (generated from the Kubernetes
// OpenAPI spec): types, required fields, enums and formats such as quantities.
//
// Those validators accept fields the schema does not know, as the API server's
// non-strict decoding would, so a typo such as `readinesProbe` would pass. The
// API server's strict field validation (kubectl's default since 1.27) rejects
// them, and so does this module: it hands the validator a proxy of the object
// that records every field the validator looks up, and reports the object's
// fields it never looked at. A map (labels, resources.limits) is walked
// by key enumeration, which marks all of its keys as known.

const ALL_KEYS = Symbol("all keys");

// apiVersion "apps/v1" + kind "Deployment" -> the model class, or null when the
// package has no such type.
export async function modelFor(apiVersion, kind) {
  if (typeof apiVersion !== "string" || typeof kind !== "string") return null;
  if (!/^[A-Za-z0-9.\-/]+$/.test(apiVersion) || !/^[A-Za-z0-9]+$/.test(kind)) {
    return null;
  }
  try {
    const module = await import(`kubernetes-models/${apiVersion}/${kind}`);
    return module[kind] ?? null;
  } catch {
    return null;
  }
}

// Runs `validate` on a recording proxy of `data`; returns the paths of fields
// present in `data` that the validator never read.
function unreadFields(validate, data) {
  const reads = new Map();  // target object -> Set of keys read, or ALL_KEYS
  const proxies = new WeakMap();
  const wrap = (value) => {
    if (value === null || typeof value !== "object") return value;
    if (proxies.has(value)) return proxies.get(value);
    const seen = new Set();
    reads.set(value, seen);
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        if (typeof key === "string") seen.add(key);
        return wrap(Reflect.get(target, key, receiver));
      },
      has(target, key) {
        if (typeof key === "string") seen.add(key);
        return Reflect.has(target, key);
      },
      ownKeys(target) {
        seen.add(ALL_KEYS);
        return Reflect.ownKeys(target);
      },
    });
    proxies.set(value, proxy);
    return proxy;
  };
  let error = null;
  try {
    validate(wrap(data));
  } catch (e) {
    error = e;
  }
  const unknown = [];
  const walk = (value, path) => {
    if (value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}/${i}`));
      return;
    }
    const seen = reads.get(value);
    for (const key of Object.keys(value)) {
      // A field under an object the validator never entered is reported once,
      // at that object, not again for each of its children.
      if (seen && !seen.has(ALL_KEYS) && !seen.has(key)) {
        unknown.push(`${path}/${key}`);
        continue;
      }
      if (seen) walk(value[key], `${path}/${key}`);
    }
  };
  walk(data, "");
  return { error, unknown };
}

// Returns a list of problems with `object` (empty when it is valid): an unknown
// apiVersion/kind, schema violations, fields the schema does not have.
export async function validateObject(object) {
  if (object === null || typeof object !== "object" || Array.isArray(object)) {
    return ["expected a mapping with apiVersion and kind"];
  }
  const { apiVersion, kind } = object;
  const Model = await modelFor(apiVersion, kind);
  if (Model === null) {
    return [`unknown apiVersion/kind ${apiVersion}/${kind}: expected a built-in Kubernetes type`];
  }
  const copy = structuredClone(object);
  const { error, unknown } = unreadFields(
    (data) => Model.prototype.validate.call(data), copy);
  const problems = [];
  if (error) problems.push(`schema: ${error.message}`);
  for (const path of unknown) {
    problems.push(`unknown field ${path}: not in the ${apiVersion} ${kind} schema`);
  }
  return problems;
}
