import { message } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { createContext, type ReactNode, use } from 'react';

/*
 * Toasts for the consoles. antd's <App> would also bring modal and notification into every
 * console's first load; the message hook alone is all the pages use.
 */
const MessageContext = createContext<MessageInstance | null>(null);

export function MessageProvider({ children }: { children: ReactNode }) {
  const [api, holder] = message.useMessage();
  return (
    <MessageContext value={api}>
      {holder}
      {children}
    </MessageContext>
  );
}

export function useMessage(): MessageInstance {
  const api = use(MessageContext);
  if (!api) throw new Error('useMessage outside MessageProvider');
  return api;
}
