import { useEffect, useState } from 'react';

/** The time now (epoch ms), redrawn every `intervalMs`: clocks' time left moves on by itself. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
