'use client';

import { useEffect, useState } from 'react';
import { Input } from '@/components/ui/input';

const COMMON = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Paris',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Australia/Sydney',
];

/** Free text with the runtime's IANA zones as suggestions: typing "Berl" offers Europe/Berlin. */
export function TimeZoneInput({
  id,
  value,
  onChange,
  invalid,
}: {
  id: string;
  value: string;
  onChange: (zone: string) => void;
  invalid: boolean;
}) {
  // Read after mounting: the server's and the browser's zone lists differ, and hydration must match.
  const [zones, setZones] = useState<string[]>(COMMON);
  useEffect(() => {
    const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    setZones([...new Set([...COMMON, ...all])]);
  }, []);
  return (
    <>
      <Input
        id={id}
        list={`${id}-zones`}
        value={value}
        autoComplete="off"
        spellCheck={false}
        placeholder="Europe/Berlin"
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
      />
      <datalist id={`${id}-zones`}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
