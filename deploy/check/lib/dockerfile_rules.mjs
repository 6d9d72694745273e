// Checks deploy/Dockerfile and .dockerignore against the repository: the build
// stage builds through the same scripts the README's quick start runs (so the
// image is built the way CI tests), the runtime stage is bookworm-slim with
// only the binaries and the packages their libraries come from, and the image
// runs as the non-root uid the manifests expect.

import fs from "node:fs";
import path from "node:path";

// Dockerfile text -> [{ stage, from, instructions: [{ op, args }] }].
export function parseDockerfile(text) {
  const lines = text.replace(/\\\n/g, " ").split("\n")
      .map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
  const args = new Map();
  const stages = [];
  for (const line of lines) {
    const m = /^([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const op = m[1].toUpperCase();
    const rest = m[2].replace(/\s+/g, " ");
    if (op === "ARG" && stages.length === 0) {
      const [name, value] = rest.split("=");
      args.set(name, value ?? "");
      continue;
    }
    if (op === "FROM") {
      const f = /^(\S+)(?: AS (\S+))?$/i.exec(rest);
      const image = (f?.[1] ?? rest).replace(/\$\{?(\w+)\}?/g, (_, n) => args.get(n) ?? "");
      stages.push({ stage: f?.[2] ?? String(stages.length), from: image, instructions: [] });
      continue;
    }
    stages.at(-1)?.instructions.push({ op, args: rest });
  }
  return stages;
}

// The scripts the README's quick start runs, and every script those run
// (`bash scripts/x.sh` or `scripts/x.sh` inside them), as repository paths.
export function quickStartScripts(root) {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  const quick = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
  const found = new Set();
  const queue = [...quick.matchAll(/^(scripts\/[\w.-]+\.sh)/gm)].map((m) => m[1]);
  while (queue.length > 0) {
    const script = queue.shift();
    if (found.has(script) || !fs.existsSync(path.join(root, script))) continue;
    found.add(script);
    const text = fs.readFileSync(path.join(root, script), "utf8");
    for (const m of text.matchAll(/(?:^|[\s"'])(scripts\/[\w.-]+\.sh)/g)) queue.push(m[1]);
  }
  return found;
}

// Returns { problems, uid, ports } for the Dockerfile at `file`.
export function checkDockerfile(root, file = path.join(root, "deploy", "Dockerfile")) {
  const problems = [];
  if (!fs.existsSync(file)) return { problems: [`${file} does not exist`] };
  const stages = parseDockerfile(fs.readFileSync(file, "utf8"));
  const where = path.relative(root, file);
  if (stages.length < 2) problems.push(`${where}: expected a build stage and a runtime stage`);
  for (const s of stages) {
    if (s.from !== "debian:bookworm-slim") {
      problems.push(`${where}: stage ${s.stage} starts FROM ${s.from}: expected debian:bookworm-slim`);
    }
  }
  const build = stages[0] ?? { instructions: [] };
  const runtime = stages.at(-1) ?? { instructions: [] };
  const allowed = quickStartScripts(root);
  const buildRuns = build.instructions.filter((i) => i.op === "RUN").map((i) => i.args);
  const used = new Set(buildRuns.flatMap((r) => [...r.matchAll(/scripts\/[\w.-]+\.sh/g)].map((m) => m[0])));
  for (const s of used) {
    if (!allowed.has(s)) {
      problems.push(`${where}: the build stage runs ${s}, which the README's quick start does not (it runs ${[...allowed].join(", ")})`);
    }
  }
  for (const needed of ["scripts/setup.sh", "scripts/build.sh"]) {
    if (!used.has(needed)) problems.push(`${where}: the build stage does not run ${needed}`);
  }
  for (const run of buildRuns) {
    const direct = /(?:^|[;&|]\s*)(cmake|apt-get|apt|ninja|make|g\+\+|c\+\+)\s/.exec(run);
    if (direct) {
      problems.push(`${where}: the build stage runs ${direct[1]} itself: build steps belong in the scripts the README runs`);
    }
  }
  // Runtime: packages only from the computed list, files only from the build.
  for (const i of runtime.instructions) {
    if (i.op === "RUN") {
      for (const m of i.args.matchAll(/apt-get install((?:\s+\S+)*?)(?=\s*(?:&&|;|$))/g)) {
        const names = m[1].trim().split(/\s+/).filter((t) => t && !t.startsWith("-"));
        if (names.length > 0) {
          problems.push(`${where}: the runtime stage installs ${names.join(" ")} by name: expected only deploy/runtime-packages.sh's list`);
        }
      }
    }
    if ((i.op === "COPY" || i.op === "ADD") && !/^--from=/.test(i.args)) {
      problems.push(`${where}: the runtime stage copies "${i.args}" from the build context: expected only what the build stage made`);
    }
  }
  const user = runtime.instructions.filter((i) => i.op === "USER").at(-1)?.args ?? "";
  const uid = /^(\d+)(?::\d+)?$/.exec(user)?.[1];
  if (uid === undefined) {
    problems.push(`${where}: the runtime stage's USER is "${user}": expected a numeric uid, so runAsNonRoot can verify it`);
  } else if (Number(uid) === 0) {
    problems.push(`${where}: the runtime stage runs as root`);
  }
  const ports = runtime.instructions.filter((i) => i.op === "EXPOSE")
      .flatMap((i) => i.args.split(" ").map((p) => Number(p.split("/")[0])));
  const ignore = path.join(root, ".dockerignore");
  if (!fs.existsSync(ignore)) {
    problems.push(".dockerignore does not exist: the build context would carry build trees and .git");
  } else {
    const lines = fs.readFileSync(ignore, "utf8").split("\n").map((l) => l.trim());
    for (const needed of [".git", "build*/", "**/node_modules"]) {
      if (!lines.includes(needed)) problems.push(`.dockerignore does not exclude ${needed}`);
    }
  }
  return { problems, uid: uid === undefined ? undefined : Number(uid), ports };
}
