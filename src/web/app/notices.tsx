import type { ModalFuncProps } from 'antd';
import { createContext, lazy, Suspense, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

/** What a page tells or asks: a short message after an action, or a confirmation before one. */
export interface Notices {
  message: {
    success(content: string, seconds?: number): void;
    warning(content: string, seconds?: number): void;
    error(content: string, seconds?: number): void;
  };
  modal: { confirm(config: ModalFuncProps): void };
}

export type Notice =
  | { kind: 'success' | 'warning' | 'error'; content: string; seconds?: number }
  | { kind: 'confirm'; config: ModalFuncProps };

/** Shows notices; set by the host once its file has arrived. */
export type ShowNotice = (notice: Notice) => void;

// Ant Design's message and modal (about 17 KB compressed) are fetched on the first notice:
// most page views never show one, and a phone should not pay for them up front.
const NoticesHost = lazy(() => import('./NoticesHost.tsx'));

const NoticesContext = createContext<Notices | null>(null);

/** Keeps notices asked for before the host's file arrives, and shows them when it has. */
export function NoticesProvider({ children }: { children: ReactNode }) {
  const [wanted, setWanted] = useState(false);
  const show = useRef<ShowNotice | null>(null);
  const waiting = useRef<Notice[]>([]);
  const tell = useCallback((notice: Notice) => {
    if (show.current) return show.current(notice);
    waiting.current.push(notice);
    setWanted(true);
  }, []);
  const ready = useCallback((host: ShowNotice) => {
    show.current = host;
    for (const notice of waiting.current.splice(0)) host(notice);
  }, []);
  const notices = useMemo<Notices>(
    () => ({
      message: {
        success: (content, seconds) => tell({ kind: 'success', content, seconds }),
        warning: (content, seconds) => tell({ kind: 'warning', content, seconds }),
        error: (content, seconds) => tell({ kind: 'error', content, seconds }),
      },
      modal: { confirm: (config) => tell({ kind: 'confirm', config }) },
    }),
    [tell],
  );
  return (
    <NoticesContext.Provider value={notices}>
      {children}
      {wanted && (
        <Suspense fallback={null}>
          <NoticesHost onReady={ready} />
        </Suspense>
      )}
    </NoticesContext.Provider>
  );
}

export function useNotices(): Notices {
  const notices = useContext(NoticesContext);
  if (!notices) throw new Error('useNotices outside NoticesProvider');
  return notices;
}
