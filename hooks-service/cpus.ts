/**
 * How many CPUs this process may use: the scheduler's affinity (`os.availableParallelism`) capped by a container's
 * CPU quota, as a Kubernetes CPU limit or `docker run --cpus` sets it. Node 20 does not read the quota, so a pod
 * limited to 1 CPU on a 16-core node would otherwise size its thread pools for 16. The quota is read where a
 * container sees its own cgroup: cgroup v2 `cpu.max` ("max 100000" = none, "150000 100000" = 1.5 CPUs), else
 * cgroup v1 `cpu.cfs_quota_us` (-1 = none) over `cpu.cfs_period_us`.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const CGROUP = '/sys/fs/cgroup';

/** The quota in CPUs, or undefined when there is none (or it cannot be read). */
function cgroupQuota(read: (path: string) => string): number | undefined {
  const attempt = (f: () => number | undefined) => {
    try {
      return f();
    } catch {
      return undefined;
    }
  };
  const ratio = (quota: number, period: number) =>
    Number.isFinite(quota) && quota > 0 && Number.isFinite(period) && period > 0 ? quota / period : undefined;
  const v2 = attempt(() => {
    const [quota = '', period = ''] = read(`${CGROUP}/cpu.max`).trim().split(/\s+/);
    return quota === 'max' ? Infinity : ratio(Number(quota), Number(period));
  });
  if (v2 !== undefined) return Number.isFinite(v2) ? v2 : undefined;
  return attempt(() =>
    ratio(Number(read(`${CGROUP}/cpu/cpu.cfs_quota_us`)), Number(read(`${CGROUP}/cpu/cpu.cfs_period_us`))),
  );
}

export function usableCpus(
  read: (path: string) => string = (path) => readFileSync(path, 'utf8'),
  affinity: number = availableParallelism(),
): number {
  const quota = cgroupQuota(read);
  return quota === undefined ? affinity : Math.max(1, Math.min(affinity, Math.ceil(quota)));
}
