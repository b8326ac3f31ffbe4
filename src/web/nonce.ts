// The CSP nonce reaches the document's inline scripts through this React context
// (set by entry.server.tsx; empty in the browser, where nonces are not exposed).
import { createContext, useContext } from 'react';

export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
