import { useSyncExternalStore } from 'react';
import { offlineSender, type SenderState } from './offline-sender.ts';

/** The signed-in account's saved calls (C1), live; the sender itself runs from the app shell. */
export function useOfflineCalls(): SenderState {
  const sender = offlineSender();
  return useSyncExternalStore(sender.subscribe, sender.state);
}

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** Whether the browser believes it has a network (navigator.onLine), live. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine !== false);
}
