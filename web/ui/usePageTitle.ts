import { useEffect } from "react";

/** Names the browser tab after the page, e.g. "Members · Parley". */
export const usePageTitle = (title: string): void => {
  useEffect(() => {
    document.title = title ? `${title} · Parley` : "Parley";
  }, [title]);
};
