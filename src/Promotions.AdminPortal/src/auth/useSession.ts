import { useSyncExternalStore } from 'react';
import { session } from './session';

/** The signed-in roles, re-rendering on sign-in and sign-out. */
export function useRoles() {
  return useSyncExternalStore((l) => session.subscribe(l), () => session.roles.join(','), () => '').split(',').filter(Boolean) as import('./roles').Role[];
}
