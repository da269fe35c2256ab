// A signed-in person's access token, kept in the browser's local storage. The shop and the staff
// console keep separate sessions, so a store worker can shop on the same device.
import { stored } from '../stored';

export type Scope = 'shop' | 'staff';
export type Session = { token: string; expiresAt: number; email: string };

const sessions: Record<Scope, ReturnType<typeof stored<Session>>> = {
  shop: stored<Session>('commerce.shop.session', (s) => s.expiresAt > Date.now()),
  staff: stored<Session>('commerce.staff.session', (s) => s.expiresAt > Date.now()),
};

export const readSession = (scope: Scope) => sessions[scope].get();
export const saveSession = (scope: Scope, session: Session | null) => sessions[scope].set(session);
export const useSession = (scope: Scope) => sessions[scope].use();
