import { useCallback, useEffect, useRef, useState } from "react";
import { uploadFile } from "../../../api/files";
import { type Attachment, fitFiles } from "./attachments";

let nextKey = 0;

/**
 * The composer's attachments: each chosen file uploads at once (with progress); removing one cancels its upload.
 * Uploads still running when the conversation closes are cancelled.
 */
export const useAttachments = (workspaceId: string) => {
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [dropped, setDropped] = useState(0);
  const controllers = useRef(new Map<string, AbortController>());
  // How many are attached right now, also for several choices in a row before React re-renders.
  const count = useRef(0);
  count.current = attachments.length;

  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const controller of running.values()) controller.abort();
      running.clear();
    };
  }, []);

  const update = useCallback((key: string, next: (old: Attachment) => Attachment) => {
    setAttachments((list) => list.map((item) => (item.key === key ? next(item) : item)));
  }, []);

  const add = useCallback(
    (files: File[]) => {
      const { accepted, dropped: left } = fitFiles(count.current, files);
      count.current += accepted.length;
      setDropped(left);
      const added: Attachment[] = accepted.map((file) => ({
        key: `a${++nextKey}`,
        name: file.name,
        size: file.size,
        state: "uploading",
        progress: 0,
      }));
      setAttachments((list) => [...list, ...added]);
      accepted.forEach((file, index) => {
        const item = added[index];
        if (!item) return;
        const controller = new AbortController();
        controllers.current.set(item.key, controller);
        const progress = (fraction: number) =>
          update(item.key, (old) => (old.state === "uploading" ? { ...old, progress: fraction } : old));
        uploadFile(workspaceId, file, progress, controller.signal)
          .then((uploaded) =>
            update(item.key, (old) => ({
              key: old.key,
              name: old.name,
              size: old.size,
              state: "done",
              file: uploaded,
            })),
          )
          .catch((error: unknown) => {
            if (controller.signal.aborted) return;
            update(item.key, (old) => ({ key: old.key, name: old.name, size: old.size, state: "failed", error }));
          })
          .finally(() => controllers.current.delete(item.key));
      });
    },
    [update, workspaceId],
  );

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    controllers.current.delete(key);
    setAttachments((list) => list.filter((item) => item.key !== key));
    setDropped(0);
  }, []);

  /** After sending: the uploaded files went with the message. */
  const clear = useCallback(() => {
    setAttachments([]);
    setDropped(0);
  }, []);

  return { attachments, dropped, add, remove, clear };
};
