import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A yes/no filter kept in the page's address as `?<name>=<on>` (absent when off). The
 * checkbox follows a local copy at once — React Router applies an address change in a
 * transition, so a control drawn from the address alone would lag behind the click — and
 * the copy follows the address when it changes otherwise (Back, a pasted link).
 */
export function useSearchFlag(name: string, on = '1'): [boolean, (value: boolean) => void] {
  const [params, setParams] = useSearchParams();
  const fromAddress = params.get(name) === on;
  const [value, setValue] = useState(fromAddress);
  useEffect(() => setValue(fromAddress), [fromAddress]);
  const set = (next: boolean) => {
    setValue(next);
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next) updated.set(name, on);
        else updated.delete(name);
        return updated;
      },
      { replace: true },
    );
  };
  return [value, set];
}
