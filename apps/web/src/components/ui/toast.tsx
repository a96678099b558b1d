'use client';

import { CircleAlert, CircleCheck, Info, X } from 'lucide-react';
import { Toast as ToastPrimitive } from 'radix-ui';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

type TToastTone = 'info' | 'success' | 'danger';
type TToast = { id: number; title: string; description?: string; tone: TToastTone };
type TNotify = (toast: Omit<TToast, 'id' | 'tone'> & { tone?: TToastTone }) => void;

const ToastContext = createContext<TNotify>(() => undefined);

/** Short, announced notifications (a polite live region), stacked bottom right. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<TToast[]>([]);
  const notify = useCallback<TNotify>((toast) => {
    setToasts((current) => [...current.slice(-3), { id: Date.now() + Math.random(), tone: 'info', ...toast }]);
  }, []);
  const remove = (id: number) => setToasts((current) => current.filter((toast) => toast.id !== id));
  const value = useMemo(() => notify, [notify]);
  return (
    <ToastContext.Provider value={value}>
      <ToastPrimitive.Provider swipeDirection="right" duration={5000}>
        {children}
        {toasts.map((toast) => {
          const Icon = toast.tone === 'success' ? CircleCheck : toast.tone === 'danger' ? CircleAlert : Info;
          return (
            <ToastPrimitive.Root
              key={toast.id}
              className={`toast toast--${toast.tone}`}
              onOpenChange={(open) => {
                if (!open) remove(toast.id);
              }}
              type={toast.tone === 'danger' ? 'foreground' : 'background'}
            >
              <Icon size={18} aria-hidden="true" />
              <div>
                <ToastPrimitive.Title className="toast__title">{toast.title}</ToastPrimitive.Title>
                {toast.description ? (
                  <ToastPrimitive.Description className="toast__description">{toast.description}</ToastPrimitive.Description>
                ) : null}
              </div>
              <ToastPrimitive.Close className="button button--ghost button--sm button--icon" aria-label="Dismiss">
                <X size={14} aria-hidden="true" />
              </ToastPrimitive.Close>
            </ToastPrimitive.Root>
          );
        })}
        <ToastPrimitive.Viewport className="toast-viewport" />
      </ToastPrimitive.Provider>
    </ToastContext.Provider>
  );
}

export function useToast(): TNotify {
  return useContext(ToastContext);
}
