import type { EC2Client } from '@aws-sdk/client-ec2';
import type { ReactNode } from 'react';
import { createContext, useContext } from 'react';
import type { Session } from './session';

export interface SessionValue {
  readonly session: Session;
  /** Signed for the current account and region. */
  readonly ec2: EC2Client;
  /** Signed for the current account in another region (the map reads a peer region this way). */
  ec2In(region: string): EC2Client;
  /** The regions the server serves (DescribeRegions). */
  readonly regions: readonly string[];
  /**
   * Changes the region and keeps the page; a page about one resource goes up to its list, unless
   * the caller knows the resource is there too (a connection seen from both of its regions).
   */
  switchRegion(region: string, options?: { keepResource?: boolean }): void;
  /** Changes the account (and region), keeping the page as switchRegion does. */
  switchSession(next: Session): void;
  signOut(): void;
  /** Opens the sign-in panel to change account. */
  openAccountSwitcher(): void;
}

export const SessionContext = createContext<SessionValue | undefined>(undefined);

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside a signed-in console');
  return v;
}

/** A key that changes with the account and region, for data that belongs to them. */
export function useScopeKey(...parts: readonly (string | undefined)[]): string {
  const { session } = useSession();
  return [session.accountId, session.region, ...parts].join('|');
}

export function SessionProvider({ value, children }: { value: SessionValue; children: ReactNode }): ReactNode {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
