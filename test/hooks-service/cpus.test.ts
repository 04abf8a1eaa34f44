import { describe, expect, it } from 'vitest';
import { defaultReasoningThreads } from '../../hooks-service/config';
import { usableCpus } from '../../hooks-service/cpus';

/** A cgroup file system holding only `files`. */
const cgroup = (files: Record<string, string>) => (path: string) => {
  const content = files[path];
  if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return content;
};

describe('usable CPUs', () => {
  it('is the affinity when no quota is set (cgroup v2 "max", v1 -1, or no cgroup files at all)', () => {
    expect(usableCpus(cgroup({ '/sys/fs/cgroup/cpu.max': 'max 100000\n' }), 16)).toBe(16);
    const v1 = { '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '-1\n', '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000\n' };
    expect(usableCpus(cgroup(v1), 8)).toBe(8);
    expect(usableCpus(cgroup({}), 4)).toBe(4);
  });

  it("is capped by a container's quota, rounded up, never below one", () => {
    expect(usableCpus(cgroup({ '/sys/fs/cgroup/cpu.max': '150000 100000\n' }), 16)).toBe(2);
    expect(usableCpus(cgroup({ '/sys/fs/cgroup/cpu.max': '400000 100000' }), 16)).toBe(4);
    expect(usableCpus(cgroup({ '/sys/fs/cgroup/cpu.max': '10000 100000' }), 16)).toBe(1);
    const v1 = { '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '300000', '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000' };
    expect(usableCpus(cgroup(v1), 16)).toBe(3);
    // A quota above the affinity does not add CPUs.
    expect(usableCpus(cgroup({ '/sys/fs/cgroup/cpu.max': '800000 100000' }), 2)).toBe(2);
  });

  it('ignores a quota file it cannot parse', () => {
    expect(usableCpus(cgroup({ '/sys/fs/cgroup/cpu.max': 'garbage' }), 6)).toBe(6);
  });
});

describe('default reasoning threads', () => {
  it('reasons on the event loop on one or two CPUs, and in a worker per CPU beyond two, up to four', () => {
    expect([1, 2, 3, 4, 6, 8, 64].map((cpus) => defaultReasoningThreads(cpus))).toEqual([0, 0, 1, 2, 4, 4, 4]);
  });
});
