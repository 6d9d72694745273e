// The flags a declutter-server container runs with, resolved the way the server
// resolves them: its args in order, each --flagfile=a,b,c read from the
// ConfigMap mounted at that path, later values winning.

// "20s", "1m30s", "500ms", "5m" (absl::Duration syntax) -> seconds, or NaN.
export function durationSeconds(text) {
  if (typeof text !== "string") return NaN;
  const units = { h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, ns: 1e-9 };
  let total = 0;
  let rest = text.trim();
  if (rest === "0") return 0;
  while (rest.length > 0) {
    const m = /^(\d+(?:\.\d+)?)(h|ms|us|ns|m|s)/.exec(rest);
    if (!m) return NaN;
    total += Number(m[1]) * units[m[2]];
    rest = rest.slice(m[0].length);
  }
  return total;
}

// "0.0.0.0:50051", "[::]:50051" -> 50051, or NaN.
export function portOf(address) {
  const m = /:(\d+)$/.exec(address ?? "");
  return m ? Number(m[1]) : NaN;
}

// The lines of an absl flagfile -> ["--name=value", ...] ('#' lines and blank
// lines dropped).
export function flagfileArgs(text) {
  return text.split("\n").map((l) => l.trim())
      .filter((l) => l !== "" && !l.startsWith("#"));
}

// Resolves `container`'s flags in `pod` against the ConfigMaps in `objects`.
// Returns { flags: Map(name -> string value), sources: [..], problems: [..] }.
// A bare --name is "true", --noname is "false" when name is known as a flag.
export function resolveFlags(container, pod, objects, knownFlags) {
  const flags = new Map();
  const problems = [];
  const sources = [];
  const configMaps = new Map(objects.filter((o) => o.kind === "ConfigMap")
      .map((o) => [o.metadata?.name, o]));
  const mounts = (container.volumeMounts ?? []).map((m) => {
    const volume = (pod.volumes ?? []).find((v) => v.name === m.name);
    return { path: m.mountPath.replace(/\/$/, ""), volume };
  });
  const readMounted = (path) => {
    for (const { path: dir, volume } of mounts) {
      if (!path.startsWith(dir + "/") || !volume?.configMap) continue;
      const key = path.slice(dir.length + 1);
      const map = configMaps.get(volume.configMap.name);
      if (!map) {
        problems.push(`--flagfile ${path}: ConfigMap ${volume.configMap.name} is not among the manifests`);
        return null;
      }
      if (!(key in (map.data ?? {}))) {
        problems.push(`--flagfile ${path}: ConfigMap ${volume.configMap.name} has no key ${key}`);
        return null;
      }
      return map.data[key];
    }
    problems.push(`--flagfile ${path}: no ConfigMap volume is mounted there`);
    return null;
  };
  const apply = (arg, source) => {
    const m = /^--?([A-Za-z0-9_]+)(?:=(.*))?$/s.exec(arg);
    if (!m) {
      problems.push(`${source}: "${arg}" is not a --flag`);
      return;
    }
    let [, name, value] = m;
    if (name === "flagfile") {
      for (const path of (value ?? "").split(",")) {
        const text = readMounted(path);
        if (text === null) continue;
        sources.push(path);
        for (const a of flagfileArgs(text)) apply(a, path);
      }
      return;
    }
    if (value === undefined) {
      // absl's --noname for a boolean; without the flag list, any "no" prefix.
      const negated = name.startsWith("no") && name.length > 2 &&
          (!knownFlags || (!knownFlags.has(name) && knownFlags.has(name.slice(2))));
      if (negated) name = name.slice(2);
      value = negated ? "false" : "true";
    }
    if (knownFlags && !knownFlags.has(name)) {
      problems.push(`${source}: --${name} is not a declutter-server flag`);
    }
    flags.set(name, value);
  };
  for (const arg of container.args ?? []) {
    apply(arg, "args");
  }
  return { flags, sources, problems };
}
