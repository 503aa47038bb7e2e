import type { ModalFuncProps } from 'antd';
import { message, theme } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import {
  createContext,
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useContext,
  useMemo,
  useState,
} from 'react';

// antd's confirm dialog is the heavy part of its <App>: it loads with the first question asked.
const ConfirmHost = lazy(() => import('./ConfirmHost.tsx').then((m) => ({ default: m.ConfirmHost })));

export interface Feedback {
  /** Short notices at the top of the page (saved, failed, …). */
  message: MessageInstance;
  modal: {
    /** Asks before an action; `onOk` runs on the answer, the dialog waits for its promise. */
    confirm(config: ModalFuncProps): void;
  };
}

const FeedbackContext = createContext<Feedback | null>(null);

/**
 * What antd's <App> gives the pages (message and confirm dialogs in the app's theme and
 * language), without loading the dialog's code with the page: the call page on a phone
 * rarely asks anything. `framed`: also set the text colour, size and font of the frame, as
 * <App>'s own element does.
 */
export function FeedbackProvider({ children, framed = false }: { children: ReactNode; framed?: boolean }) {
  const [messageApi, messageHolder] = message.useMessage();
  const [questions, setQuestions] = useState<ModalFuncProps[]>([]);
  // Once loaded, the host stays: it holds the dialogs that are open.
  const [hostWanted, setHostWanted] = useState(false);
  const { token } = theme.useToken();

  const confirm = useCallback((config: ModalFuncProps) => {
    setHostWanted(true);
    setQuestions((asked) => [...asked, config]);
  }, []);
  const shown = useCallback((count: number) => setQuestions((asked) => asked.slice(count)), []);
  const value = useMemo<Feedback>(() => ({ message: messageApi, modal: { confirm } }), [messageApi, confirm]);

  const content = (
    <>
      {messageHolder}
      {hostWanted && (
        <Suspense fallback={null}>
          <ConfirmHost questions={questions} onShown={shown} />
        </Suspense>
      )}
      {children}
    </>
  );
  return (
    <FeedbackContext value={value}>
      {framed ? (
        <div
          style={{
            color: token.colorText,
            fontSize: token.fontSize,
            lineHeight: token.lineHeight,
            fontFamily: token.fontFamily,
          }}
        >
          {content}
        </div>
      ) : (
        content
      )}
    </FeedbackContext>
  );
}

export function useFeedback(): Feedback {
  const value = useContext(FeedbackContext);
  if (!value) throw new Error('useFeedback() needs a <FeedbackProvider> above it');
  return value;
}
