/** What POST /api/attachments answers: the id goes into a message's attachmentIds. */
export type UploadedAttachment = { id: string; filename: string; contentType: string; sizeBytes: number };

/** `retryable`: false when the server refused the file itself (type, size), so sending it again can't help. */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** The route's `{ error }` message when there is one, else a fallback that says what to do. */
function failureMessage(xhr: XMLHttpRequest) {
  try {
    const body = JSON.parse(xhr.responseText) as { error?: unknown };
    if (typeof body.error === 'string' && body.error) return body.error;
  } catch {
    // Not JSON (a proxy's error page, say): fall through to the status-based message.
  }
  if (xhr.status === 401) return 'Your session has ended. Sign in again, then attach the file.';
  if (xhr.status === 413) return 'The file is too large. Attach a smaller file or share a link.';
  return "The file couldn't be uploaded. Try again.";
}

/**
 * Uploads one file. XMLHttpRequest rather than fetch because only it reports upload progress. On a portal
 * page the x-cairn-portal header tells the server which workspace's portal cookie to read; staff send none.
 */
export function uploadAttachment(
  file: File,
  portalSlug: string | undefined,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
) {
  return new Promise<UploadedAttachment>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/attachments');
    if (portalSlug) xhr.setRequestHeader('x-cairn-portal', portalSlug);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as UploadedAttachment);
        } catch {
          reject(new UploadError("The upload finished but the server's answer was unreadable. Try again.", true));
        }
      } else {
        // 400/413/415: the file was refused. Anything else (session, rate limit, server trouble) may pass later.
        reject(new UploadError(failureMessage(xhr), ![400, 413, 415].includes(xhr.status)));
      }
    };
    xhr.onerror = () => reject(new UploadError('The upload failed. Check your connection and try again.', true));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
