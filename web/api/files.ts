import { ApiError, apiErrorOf, reportUnauthorized } from "./client";
import { workspacePath } from "./workspaces";

/** A file uploaded to the workspace, to be sent as an attachment. */
export interface UploadedFile {
  id: string;
  name: string;
  mime: string;
  size: number;
  url: string;
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/**
 * Uploads one file (`POST …/files`, multipart field `file`) and reports progress from 0 to 1. XMLHttpRequest rather
 * than fetch, because only it reports upload progress. Aborting rejects with an AbortError.
 */
export const uploadFile = (
  workspaceId: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadedFile> =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${workspacePath(workspaceId)}/files`);
    xhr.withCredentials = true;
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(1, event.loaded / event.total));
    };
    xhr.onload = () => {
      const parsed = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        const body = parsed as { file?: UploadedFile } | null;
        if (body?.file) {
          onProgress(1);
          resolve(body.file);
          return;
        }
      }
      const error = apiErrorOf(xhr.status, xhr.statusText, parsed);
      reportUnauthorized(error);
      reject(error);
    };
    xhr.onerror = () => reject(new ApiError(0, "network_error", "The server cannot be reached"));
    xhr.onabort = () => reject(new DOMException("The upload was cancelled", "AbortError"));
    if (signal) {
      if (signal.aborted) {
        reject(new DOMException("The upload was cancelled", "AbortError"));
        return;
      }
      signal.addEventListener("abort", () => xhr.abort(), { once: true });
    }
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
