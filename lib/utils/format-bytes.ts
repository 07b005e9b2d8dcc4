const sizeFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** 512 B, 3.4 KB, 1.2 MB: file sizes as customers read them. */
export function formatBytes(bytes: number) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${sizeFormat.format(bytes / 1024)} KB`;
  return `${sizeFormat.format(bytes / (1024 * 1024))} MB`;
}
