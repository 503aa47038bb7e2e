import { useCallback, useState } from 'react';
import type { Position } from './call-form.ts';

export type PositionState =
  | { status: 'idle' }
  | { status: 'locating' }
  | { status: 'found'; position: Position }
  | { status: 'failed'; reason: 'denied' | 'unavailable' | 'unsupported' };

/**
 * The device's position on request (navigator.geolocation): high accuracy, fresh (at
 * most a minute old), given up after 20 s. A refusal is a normal answer: the forms then
 * ask for an address.
 */
export function usePosition() {
  const [state, setState] = useState<PositionState>({ status: 'idle' });
  const locate = useCallback(() => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      setState({ status: 'failed', reason: 'unsupported' });
      return;
    }
    setState({ status: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (found) =>
        setState({
          status: 'found',
          position: {
            lat: found.coords.latitude,
            lng: found.coords.longitude,
            accuracy: found.coords.accuracy,
          },
        }),
      (error) =>
        setState({
          status: 'failed',
          reason: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable',
        }),
      { enableHighAccuracy: true, maximumAge: 60_000, timeout: 20_000 },
    );
  }, []);
  const clear = useCallback(() => setState({ status: 'idle' }), []);
  /** A position taken before (a saved call opened again to fix it). */
  const restore = useCallback((position: Position) => setState({ status: 'found', position }), []);
  return { state, position: state.status === 'found' ? state.position : null, locate, clear, restore };
}
