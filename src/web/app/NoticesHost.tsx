import { message, Modal } from 'antd';
import { useEffect } from 'react';
import type { ShowNotice } from './notices.tsx';

/**
 * Ant Design's message and confirm dialog, drawn inside the app's ConfigProvider (its theme,
 * language and large-text mode). Loaded on the first notice; see notices.tsx.
 */
export default function NoticesHost({ onReady }: { onReady: (show: ShowNotice) => void }) {
  const [messageApi, messageHolder] = message.useMessage();
  const [modalApi, modalHolder] = Modal.useModal();
  useEffect(() => {
    onReady((notice) => {
      if (notice.kind === 'confirm') void modalApi.confirm(notice.config);
      else void messageApi[notice.kind](notice.content, notice.seconds);
    });
  }, [onReady, messageApi, modalApi]);
  return (
    <>
      {messageHolder}
      {modalHolder}
    </>
  );
}
