/** Compares two `major.minor.patch` versions: negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/).slice(0, 3).map(Number);
  const pb = b.split(/[.+-]/).slice(0, 3).map(Number);
  for (let i = 0; i < 3; i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Number.isNaN(diff) ? 0 : diff;
  }
  return 0;
}

export function isVersion(value: string): boolean {
  return /^\d+\.\d+\.\d+([-+][\w.]+)?$/.test(value);
}
