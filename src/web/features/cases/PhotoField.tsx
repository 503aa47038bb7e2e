import { CameraOutlined, CloseOutlined, CloudUploadOutlined, LoadingOutlined } from '@ant-design/icons';
import { Button, theme } from 'antd';
import { useEffect, useId, useRef, useState } from 'react';
import { VISUALLY_HIDDEN } from '../../components/visually-hidden.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { localizedMessage } from '../../i18n/translate.ts';
import { asApiError } from '../../lib/api.ts';
import type { QueuedPhoto } from './offline-queue.ts';
import { MAX_PHOTOS, type PhotoPurpose, shrinkPhoto, uploadPhoto } from './photos.ts';

interface Shot {
  key: string;
  name: string;
  /** A local preview (blob: URL) until the server's copy can be shown. */
  preview: string;
  /** held: no network; the (shrunk) bytes wait on the phone for the call to take them along (C1). */
  status: 'uploading' | 'done' | 'failed' | 'held';
  fileId?: string;
  file: File;
  blob?: Blob;
  position: { lat: number; lng: number } | null;
}

/**
 * Photos taken with the camera (`capture="environment"`) or chosen from the phone, each
 * uploaded at once (POST /api/files) and shown as a thumbnail; the form's value is the
 * uploaded ids. `onBusy` tells the form to wait while uploads run. A failed upload says
 * why and can be removed; the rest stay. Without network a photo is held on the phone
 * (`onHeld`), uploaded again when the network returns, or taken along by a saved call.
 */
export function PhotoField({
  id,
  value,
  onChange,
  purpose,
  position,
  onBusy,
  onHeld,
}: {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  purpose: PhotoPurpose;
  position: { lat: number; lng: number } | null;
  onBusy?: (busy: boolean) => void;
  /** The photos held on the phone for want of network, in the order taken. */
  onHeld?: (photos: QueuedPhoto[]) => void;
}) {
  const { locale, t } = useI18n();
  const { token } = theme.useToken();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [shots, setShots] = useState<Shot[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const shotsRef = useRef(shots);
  shotsRef.current = shots;

  // The previews are freed with the field.
  useEffect(
    () => () => {
      for (const shot of shotsRef.current) URL.revokeObjectURL(shot.preview);
    },
    [],
  );

  const publish = (next: Shot[]) => {
    setShots(next);
    onBusy?.(next.some((shot) => shot.status === 'uploading'));
    const held = next.filter((shot) => shot.status === 'held');
    if (held.length > 0 || shotsRef.current.some((shot) => shot.status === 'held')) {
      onHeld?.(
        held.map((shot) => ({ name: shot.name, blob: shot.blob ?? shot.file, position: shot.position })),
      );
    }
    shotsRef.current = next;
    const ids = next.flatMap((shot) => (shot.status === 'done' && shot.fileId ? [shot.fileId] : []));
    if (ids.join() !== (value ?? []).join()) onChange?.(ids);
  };

  const add = (files: FileList | null) => {
    if (!files?.length) return;
    const room = MAX_PHOTOS - shotsRef.current.length;
    const picked = [...files].slice(0, Math.max(0, room));
    const added: Shot[] = picked.map((file) => ({
      key: `${Date.now()}-${Math.random()}`,
      name: file.name,
      preview: URL.createObjectURL(file),
      status: 'uploading',
      file,
      position,
    }));
    setErrors([]);
    publish([...shotsRef.current, ...added]);
    for (const shot of added) upload(shot);
    if (input.current) input.current.value = '';
  };

  const upload = (shot: Shot) => {
    uploadPhoto(shot.file, purpose, shot.position).then(
      (uploaded) =>
        publish(
          shotsRef.current.map((s) =>
            s.key === shot.key ? { ...s, status: 'done', fileId: uploaded.id } : s,
          ),
        ),
      async (error: unknown) => {
        const apiError = asApiError(error);
        if (apiError.code === 'NETWORK') {
          // C1: no network is no reason to lose the photo; keep its shrunk bytes.
          const blob = await shrinkPhoto(shot.file);
          publish(shotsRef.current.map((s) => (s.key === shot.key ? { ...s, status: 'held', blob } : s)));
          return;
        }
        setErrors((list) => [
          ...list,
          t('photo.failed', { name: shot.name, message: localizedMessage(locale, apiError) }),
        ]);
        publish(shotsRef.current.map((s) => (s.key === shot.key ? { ...s, status: 'failed' } : s)));
      },
    );
  };

  // The network is back: the held photos go up now, so the call can be sent as usual.
  useEffect(() => {
    const retry = () => {
      const held = shotsRef.current.filter((shot) => shot.status === 'held');
      if (held.length === 0) return;
      publish(shotsRef.current.map((s) => (s.status === 'held' ? { ...s, status: 'uploading' } : s)));
      for (const shot of held) upload(shot);
    };
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  });

  const remove = (key: string) => {
    const shot = shotsRef.current.find((s) => s.key === key);
    if (shot) URL.revokeObjectURL(shot.preview);
    publish(shotsRef.current.filter((s) => s.key !== key));
  };

  const done = shots.filter((shot) => shot.status === 'done').length;
  const held = shots.filter((shot) => shot.status === 'held').length;

  return (
    <div id={id}>
      <input
        ref={input}
        id={inputId}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        aria-label={t('photo.add')}
        style={VISUALLY_HIDDEN}
        onChange={(event) => add(event.target.files)}
      />
      {shots.length > 0 && (
        <ul
          style={{
            display: 'flex',
            flexWrap: 'wrap',
            gap: 8,
            listStyle: 'none',
            margin: '0 0 8px',
            padding: 0,
          }}
        >
          {shots.map((shot, index) => (
            <li key={shot.key} style={{ position: 'relative', width: 72, height: 72 }}>
              <img
                src={shot.preview}
                alt={t('photo.alt', { n: index + 1 })}
                width={72}
                height={72}
                style={{
                  objectFit: 'cover',
                  borderRadius: 6,
                  border: `1px solid ${shot.status === 'failed' ? token.colorError : token.colorBorder}`,
                  opacity: shot.status === 'uploading' ? 0.5 : 1,
                }}
              />
              {shot.status === 'held' && (
                <CloudUploadOutlined
                  aria-label={t('photo.held', { name: shot.name })}
                  style={{ position: 'absolute', insetInlineStart: 4, bottom: 4, color: token.colorWarning }}
                />
              )}
              {shot.status === 'uploading' && (
                <LoadingOutlined
                  aria-label={t('photo.uploading', { name: shot.name })}
                  style={{ position: 'absolute', inset: 0, margin: 'auto', width: 16, height: 16 }}
                />
              )}
              <Button
                size="small"
                shape="circle"
                icon={<CloseOutlined aria-hidden />}
                aria-label={t('photo.remove', { n: index + 1 })}
                onClick={() => remove(shot.key)}
                style={{ position: 'absolute', top: -8, insetInlineEnd: -8 }}
              />
            </li>
          ))}
        </ul>
      )}
      <Button
        icon={<CameraOutlined aria-hidden />}
        onClick={() => input.current?.click()}
        disabled={shots.length >= MAX_PHOTOS}
        aria-controls={inputId}
      >
        {t('photo.add')}
      </Button>
      <span aria-live="polite" style={{ marginInlineStart: 8, color: token.colorTextSecondary }}>
        {[
          done > 0 ? t('photo.count', { count: done }) : '',
          held > 0 ? t('photo.heldCount', { count: held }) : '',
        ]
          .filter(Boolean)
          .join(locale === 'en' ? '; ' : '，')}
      </span>
      {errors.map((text) => (
        <div key={text} role="alert" style={{ color: token.colorError, marginTop: 4 }}>
          {text}
        </div>
      ))}
    </div>
  );
}
