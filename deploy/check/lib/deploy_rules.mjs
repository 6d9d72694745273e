// Cross-checks of one rendered set of manifests (an overlay, or the base as
// written): what the schemas cannot see, such as probe ports against the
// server's flags and the drain budget against the grace period. Each function
// returns a list of problems; empty means the rule holds.

import { durationSeconds, portOf, resolveFlags } from "./server_flags.mjs";

const byKind = (objects, kind) => objects.filter((o) => o?.kind === kind);
const named = (o) => `${o.kind} ${o.metadata?.name}`;

function labelsMatch(selector, labels) {
  const wanted = selector?.matchLabels ?? selector ?? {};
  const keys = Object.keys(wanted);
  return keys.length > 0 && keys.every((k) => labels?.[k] === wanted[k]);
}

// Kubernetes quantity ("2", "500m", "1.5") -> cores.
function cores(quantity) {
  const text = String(quantity ?? "");
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(text);
  if (!m) return NaN;
  return m[2] === "m" ? Number(m[1]) / 1000 : Number(m[1]);
}

// Seconds a preStop hook pauses: exec ["sleep", "N"] or the sleep action.
function preStopSeconds(container) {
  const hook = container.lifecycle?.preStop;
  if (hook?.sleep) return Number(hook.sleep.seconds);
  const cmd = hook?.exec?.command ?? [];
  if (cmd.length === 2 && /(^|\/)sleep$/.test(cmd[0])) return Number(cmd[1]);
  return NaN;
}

function hardening(kind, name, pod, container) {
  const problems = [];
  const where = `${kind} ${name} container ${container.name}`;
  const podSc = pod.securityContext ?? {};
  const sc = container.securityContext ?? {};
  if ((sc.runAsNonRoot ?? podSc.runAsNonRoot) !== true) {
    problems.push(`${where}: runAsNonRoot is not true`);
  }
  const uid = sc.runAsUser ?? podSc.runAsUser;
  if (uid === undefined || uid === 0) {
    problems.push(`${where}: runAsUser is ${uid}: expected the image's non-root uid`);
  }
  if (sc.readOnlyRootFilesystem !== true) {
    problems.push(`${where}: readOnlyRootFilesystem is not true`);
  }
  if (sc.allowPrivilegeEscalation !== false) {
    problems.push(`${where}: allowPrivilegeEscalation is not false`);
  }
  if (!(sc.capabilities?.drop ?? []).includes("ALL")) {
    problems.push(`${where}: capabilities.drop does not include ALL`);
  }
  if ((sc.seccompProfile ?? podSc.seccompProfile)?.type !== "RuntimeDefault") {
    problems.push(`${where}: seccompProfile is not RuntimeDefault`);
  }
  for (const r of ["requests", "limits"]) {
    if (!container.resources?.[r]?.memory) {
      problems.push(`${where}: no memory ${r}`);
    }
  }
  if (!container.resources?.requests?.cpu) {
    problems.push(`${where}: no cpu request`);
  }
  return problems;
}

// The server Deployment: flags, ports, probes, drain, sizing, hardening.
export function checkServerDeployment(deployment, objects, knownFlags) {
  const problems = [];
  const pod = deployment.spec?.template?.spec ?? {};
  const where = named(deployment);
  for (const container of pod.containers ?? []) {
    problems.push(...hardening("Deployment", deployment.metadata?.name, pod, container));
    const { flags, sources, problems: flagProblems } =
        resolveFlags(container, pod, objects, knownFlags);
    problems.push(...flagProblems.map((p) => `${where}: ${p}`));
    if (sources.length === 0) {
      problems.push(`${where}: the server's flags come from no ConfigMap (--flagfile)`);
      continue;
    }
    const ports = new Map((container.ports ?? []).map((p) => [p.name, p.containerPort]));
    const declared = new Set(ports.values());
    const listen = portOf(flags.get("listen") ?? "0.0.0.0:50051");
    const metrics = portOf(flags.get("metrics_listen") ?? "");
    const health = portOf(flags.get("health_listen") ?? "");
    if (ports.get("grpc") !== listen) {
      problems.push(`${where}: container port "grpc" is ${ports.get("grpc")} but --listen serves ${listen}`);
    }
    if (ports.get("metrics") !== metrics) {
      problems.push(`${where}: container port "metrics" is ${ports.get("metrics")} but --metrics_listen serves ${metrics}`);
    }
    const annotated = Number(deployment.spec?.template?.metadata?.annotations?.["prometheus.io/port"]);
    if (annotated !== metrics) {
      problems.push(`${where}: prometheus.io/port is ${annotated} but --metrics_listen serves ${metrics}`);
    }
    if (!Number.isNaN(health) && ports.get("health") !== health) {
      problems.push(`${where}: container port "health" is ${ports.get("health")} but --health_listen serves ${health}`);
    }
    const tls = (flags.get("tls_cert") ?? "") !== "";
    const plaintext = flags.get("plaintext") === "true";
    if (tls === plaintext) {
      problems.push(`${where}: expected exactly one of --plaintext and --tls_cert (the server refuses to start otherwise)`);
    }
    for (const kind of ["readinessProbe", "livenessProbe"]) {
      const probe = container[kind];
      if (!probe?.grpc) {
        problems.push(`${where}: no native gRPC ${kind}`);
        continue;
      }
      const port = probe.grpc.port;
      // The kubelet's gRPC probe speaks neither TLS nor mutual TLS.
      const allowed = tls ? [health] : [listen, health];
      if (!allowed.includes(port)) {
        problems.push(`${where}: ${kind} port ${port} does not serve plaintext health checks: ` +
            (tls ? `the server speaks TLS on ${listen}; expected --health_listen's port`
                 : `expected --listen's port ${listen}`));
      }
      if (!declared.has(port)) {
        problems.push(`${where}: ${kind} port ${port} is not a container port`);
      }
    }
    if (tls) {
      for (const f of ["tls_cert", "tls_key", "tls_client_ca"]) {
        const path = flags.get(f);
        if (!path) continue;
        const mounted = (container.volumeMounts ?? []).some((m) => {
          const v = (pod.volumes ?? []).find((x) => x.name === m.name);
          return v?.secret && path.startsWith(m.mountPath.replace(/\/$/, "") + "/");
        });
        if (!mounted) problems.push(`${where}: --${f}=${path} is not in a mounted Secret`);
      }
    }
    const pause = preStopSeconds(container);
    const drain = durationSeconds(flags.get("shutdown_grace") ?? "20s");
    const grace = pod.terminationGracePeriodSeconds ?? 30;
    if (Number.isNaN(pause)) {
      problems.push(`${where}: no preStop pause (exec sleep N or the sleep action)`);
    } else if (!(grace > pause + drain)) {
      problems.push(`${where}: terminationGracePeriodSeconds ${grace} is not more than the preStop pause ${pause} s + --shutdown_grace ${drain} s: calls still draining would be killed`);
    }
    const workers = Number(flags.get("workers") ?? "0");
    const cpuLimit = cores(container.resources?.limits?.cpu);
    const cpuRequest = cores(container.resources?.requests?.cpu);
    if (!(workers >= 1)) {
      problems.push(`${where}: --workers is not set: the server would start one worker per node core, not per container CPU`);
    } else if (workers > Math.ceil(Number.isNaN(cpuLimit) ? cpuRequest : cpuLimit)) {
      problems.push(`${where}: --workers=${workers} is more than the container's CPUs (${container.resources?.limits?.cpu ?? container.resources?.requests?.cpu})`);
    }
  }
  const spread = pod.topologySpreadConstraints ?? [];
  if (!spread.some((c) => c.topologyKey === "kubernetes.io/hostname" &&
                          labelsMatch(c.labelSelector, deployment.spec?.template?.metadata?.labels))) {
    problems.push(`${where}: no topology spread over kubernetes.io/hostname selecting its own pods`);
  }
  if (!labelsMatch(deployment.spec?.selector, deployment.spec?.template?.metadata?.labels)) {
    problems.push(`${where}: spec.selector does not match the pod template's labels`);
  }
  return problems;
}

// gRPC 1.51 cannot bound the memory of an HTTP/2 CONTINUATION flood (README,
// "Limits under attack"), so who may connect is the bound: every server pod is
// under an Ingress NetworkPolicy, each of its ports but the plaintext health
// port is admitted by a rule that names where from, and no rule admits the
// health port (the kubelet's probes come from the node).
function checkNetworkPolicies(deployments, policies) {
  const problems = [];
  for (const d of deployments) {
    const labels = d.spec?.template?.metadata?.labels;
    const mine = policies.filter((p) => labelsMatch(p.spec?.podSelector, labels) &&
        (p.spec?.policyTypes ?? []).includes("Ingress"));
    if (mine.length === 0) {
      problems.push(`${named(d)}: no Ingress NetworkPolicy selects its pods`);
      continue;
    }
    const rules = mine.flatMap((p) => p.spec?.ingress ?? []);
    const admits = (rule, port) => rule.ports === undefined ||
        rule.ports.some((x) => x.port === port.containerPort || x.port === port.name);
    for (const c of d.spec?.template?.spec?.containers ?? []) {
      for (const port of c.ports ?? []) {
        const admitting = rules.filter((r) => admits(r, port));
        if (port.name === "health") {
          if (admitting.length > 0) {
            problems.push(`${named(d)}: a NetworkPolicy rule admits the plaintext health port ${port.containerPort}`);
          }
        } else if (admitting.length === 0) {
          problems.push(`${named(d)}: no NetworkPolicy rule admits container port "${port.name}" (${port.containerPort})`);
        } else if (admitting.some((r) => (r.from ?? []).length === 0)) {
          problems.push(`${named(d)}: a NetworkPolicy rule admits container port "${port.name}" (${port.containerPort}) from anywhere`);
        }
      }
    }
  }
  return problems;
}

// Services, the PodDisruptionBudget and the HorizontalPodAutoscaler against the
// Deployments they point at.
export function checkServerCompanions(objects) {
  const problems = [];
  const deployments = byKind(objects, "Deployment");
  const podsOf = (selector) => deployments.filter(
      (d) => labelsMatch(selector, d.spec?.template?.metadata?.labels));
  const services = byKind(objects, "Service");
  for (const s of services) {
    const targets = podsOf(s.spec?.selector);
    if (targets.length === 0) {
      problems.push(`${named(s)}: its selector matches no Deployment's pods`);
      continue;
    }
    const names = targets.flatMap((d) => d.spec.template.spec.containers
        .flatMap((c) => (c.ports ?? []).map((x) => [x.name, x.containerPort])));
    for (const p of s.spec?.ports ?? []) {
      const ok = typeof p.targetPort === "string"
          ? names.some(([n]) => n === p.targetPort)
          : names.some(([, n]) => n === (p.targetPort ?? p.port));
      if (!ok) problems.push(`${named(s)}: port ${p.name} targets ${p.targetPort}, which no container port is`);
    }
  }
  if (deployments.length > 0) {
    if (!services.some((s) => s.spec?.clusterIP === "None")) {
      problems.push("no headless Service (clusterIP: None) for client-side round_robin");
    }
    if (!services.some((s) => s.spec?.clusterIP !== "None")) {
      problems.push("no ClusterIP Service for simple callers");
    }
    if (!services.some((s) => (s.spec?.ports ?? []).some((p) => p.name === "metrics"))) {
      problems.push("no Service port named metrics");
    }
  }
  for (const pdb of byKind(objects, "PodDisruptionBudget")) {
    if (podsOf(pdb.spec?.selector).length === 0) {
      problems.push(`${named(pdb)}: its selector matches no Deployment's pods`);
    }
  }
  for (const hpa of byKind(objects, "HorizontalPodAutoscaler")) {
    const ref = hpa.spec?.scaleTargetRef;
    if (!deployments.some((d) => ref?.kind === "Deployment" && d.metadata?.name === ref?.name)) {
      problems.push(`${named(hpa)}: scaleTargetRef ${ref?.kind}/${ref?.name} is not among the manifests`);
    }
    if (!(hpa.spec?.metrics ?? []).some((m) => m.resource?.name === "cpu")) {
      problems.push(`${named(hpa)}: does not scale on cpu`);
    }
    if ((hpa.spec?.minReplicas ?? 1) > hpa.spec?.maxReplicas) {
      problems.push(`${named(hpa)}: minReplicas is above maxReplicas`);
    }
  }
  problems.push(...checkNetworkPolicies(deployments, byKind(objects, "NetworkPolicy")));
  if (deployments.length > 0 && byKind(objects, "PodDisruptionBudget").length === 0) {
    problems.push("no PodDisruptionBudget");
  }
  if (deployments.length > 0 && byKind(objects, "HorizontalPodAutoscaler").length === 0) {
    problems.push("no HorizontalPodAutoscaler");
  }
  return problems;
}

// The batch Indexed Job: sharding consistent with completions, a --server that
// is a headless Service of `serverObjects` (the server rendering it runs
// against), paths on the mounted crawl volume, hardening.
export function checkBatchJob(job, serverObjects) {
  const problems = [];
  const where = named(job);
  const spec = job.spec ?? {};
  const pod = spec.template?.spec ?? {};
  if (spec.completionMode !== "Indexed") problems.push(`${where}: completionMode is not Indexed`);
  if (pod.restartPolicy !== "Never") {
    problems.push(`${where}: restartPolicy is not Never (Kubernetes retries whole pods, each resuming its output)`);
  }
  if (!(spec.parallelism <= spec.completions)) {
    problems.push(`${where}: parallelism ${spec.parallelism} is more than completions ${spec.completions}`);
  }
  for (const c of pod.containers ?? []) {
    problems.push(...hardening("Job", job.metadata?.name, pod, c));
    const args = c.args ?? [];
    const env = new Map((c.env ?? []).map((e) => [e.name, e.value]));
    const expand = (text) => text.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g,
        (m, v) => (v === "JOB_COMPLETION_INDEX" ? "0" : env.get(v) ?? m));
    const value = (flag) => {
      const i = args.indexOf(flag);
      return i >= 0 && i + 1 < args.length ? args[i + 1] : undefined;
    };
    if (args[0] !== "batch") problems.push(`${where}: container ${c.name} does not run "declutter batch"`);
    const shard = value("--shard");
    const m = /^\$\(JOB_COMPLETION_INDEX\)\/(.+)$/.exec(shard ?? "");
    if (!m) {
      problems.push(`${where}: --shard is ${shard}: expected $(JOB_COMPLETION_INDEX)/N`);
    } else if (Number(expand(m[1])) !== spec.completions) {
      problems.push(`${where}: --shard splits into ${expand(m[1])} but completions is ${spec.completions}: some pages would be cleaned by no pod or by two`);
    }
    const target = value("--server") ?? "";
    const t = /^dns:\/\/\/([a-z0-9.-]+):(\d+)$/.exec(target);
    if (!t) {
      problems.push(`${where}: --server is ${target}: expected dns:///HEADLESS-SERVICE:PORT`);
    } else if (serverObjects) {
      const [, host, port] = t;
      const service = byKind(serverObjects, "Service").find(
          (s) => s.metadata?.name === host.split(".")[0]);
      if (!service) {
        problems.push(`${where}: --server names Service ${host}, which the server manifests do not have`);
      } else if (service.spec?.clusterIP !== "None") {
        problems.push(`${where}: --server names Service ${host}, which is not headless: round_robin would see one address`);
      } else if (!(service.spec?.ports ?? []).some((p) => p.port === Number(port))) {
        problems.push(`${where}: --server port ${port} is not a port of Service ${host}`);
      }
    }
    if (!args.includes("--resume")) problems.push(`${where}: no --resume, so a retried shard would start over`);
    const mounts = (c.volumeMounts ?? []).map((v) => v.mountPath.replace(/\/$/, ""));
    const onVolume = (path) => {
      const abs = path?.startsWith("/") ? path : `${(c.workingDir ?? "").replace(/\/$/, "")}/${path}`;
      return mounts.some((dir) => abs.startsWith(dir + "/"));
    };
    for (const flag of ["--inputs-from", "--output"]) {
      if (!value(flag)) problems.push(`${where}: no ${flag}`);
      else if (!onVolume(value(flag))) {
        problems.push(`${where}: ${flag} ${value(flag)} is not on a mounted volume (the root filesystem is read-only)`);
      }
    }
  }
  return problems;
}
