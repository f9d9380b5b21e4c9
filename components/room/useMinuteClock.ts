import { useEffect, useState } from 'react';

const MINUTE_MS = 60_000;
const currentMinute = () => Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;

/** Epoch ms rounded down to the minute, updated each minute (sections move at midnight). */
export function useMinuteClock(): number {
  const [minute, setMinute] = useState(currentMinute);
  useEffect(() => {
    const timer = setInterval(() => setMinute(currentMinute()), MINUTE_MS);
    return () => clearInterval(timer);
  }, []);
  return minute;
}
