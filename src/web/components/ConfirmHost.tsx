import { Modal, type ModalFuncProps } from 'antd';
import { useEffect } from 'react';

/** Opens the questions asked through useFeedback().modal.confirm, in the app's theme and language. */
export function ConfirmHost({
  questions,
  onShown,
}: {
  questions: ModalFuncProps[];
  onShown: (count: number) => void;
}) {
  const [modal, holder] = Modal.useModal();
  useEffect(() => {
    if (questions.length === 0) return;
    for (const question of questions) modal.confirm(question);
    onShown(questions.length);
  }, [questions, modal, onShown]);
  return holder;
}
