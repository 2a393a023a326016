const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'application/zip': 'zip',
  'application/warc': 'warc',
};

/**
 * The file name a download is offered under: made from the stored hash and media type, never from the
 * name the uploader's file had (which can name a person or a place, or carry `../`).
 * @example downloadName('ab12…', 'image/jpeg', 'derivative') // 'evidence-ab12…(16 hex)-public.jpg'
 */
export function downloadName(sha256: string, mediaType: string, kind: 'original' | 'derivative'): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a SHA-256');
  const ext = EXTENSIONS[mediaType] ?? 'bin';
  return `evidence-${sha256.slice(0, 16)}${kind === 'derivative' ? '-public' : ''}.${ext}`;
}

/** A Content-Disposition that always downloads (never renders inline) under a server-made name. */
export function attachmentDisposition(fileName: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(fileName)) throw new Error('a download name must be plain ASCII');
  return `attachment; filename="${fileName}"`;
}
