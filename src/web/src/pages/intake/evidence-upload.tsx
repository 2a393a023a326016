import { useId, useState, type ReactNode } from 'react';
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES, uploadEvidence } from '../../api/intake.js';
import type { EvidenceUploaded } from '../../api/types.js';
import { describeError } from '../../components/error-message.js';
import { common } from '../../i18n/common.js';
import { useT } from '../../i18n/i18n.js';
import { intakeText } from '../../i18n/intake.js';

/** 12 345 678 → "11.8 MB". */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What is wrong with a file before it is sent (type or size), or null. */
export function fileProblem(file: { type: string; size: number }): 'type' | 'size' | null {
  if (!(EVIDENCE_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > EVIDENCE_MAX_BYTES) return 'size';
  return null;
}

interface Line {
  key: string;
  ok: boolean;
  text: string;
}

/** Step 2: screenshots, PDFs and photos, checked here for type and size, then checked again by the server. */
export function EvidenceUpload({ sourceId }: { sourceId: string }): ReactNode {
  const t = useT(intakeText);
  const tc = useT(common);
  const id = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [lines, setLines] = useState<Line[]>([]);
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);
  const upload = async (): Promise<void> => {
    setBusy(true);
    const out: Line[] = [];
    for (const file of files) {
      const key = `${file.name}-${String(Date.now())}-${String(out.length)}`;
      const problem = fileProblem(file);
      if (problem === 'type') {
        out.push({
          key,
          ok: false,
          text: t('badFileType', { name: file.name, type: file.type === '' ? '?' : file.type }),
        });
        continue;
      }
      if (problem === 'size') {
        out.push({
          key,
          ok: false,
          text: t('fileTooLarge', { name: file.name, size: humanSize(file.size) }),
        });
        continue;
      }
      try {
        const r: EvidenceUploaded = await uploadEvidence(sourceId, file);
        out.push({
          key,
          ok: true,
          text: r.duplicate
            ? t('duplicateFile', { name: file.name })
            : t('uploaded', { name: file.name, size: humanSize(r.size), sha: r.sha256.slice(0, 16) }),
        });
      } catch (e) {
        out.push({ key, ok: false, text: `${file.name}: ${describeError(tc, e)}` });
      }
    }
    setLines((l) => [...l, ...out]);
    setFiles([]);
    setInputKey((k) => k + 1);
    setBusy(false);
  };
  return (
    <div className="form">
      <label htmlFor={id}>
        {t('files')}
        <small>{t('filesHint')}</small>
      </label>
      <input
        key={inputKey}
        id={id}
        name="evidence"
        type="file"
        multiple
        accept={EVIDENCE_TYPES.join(',')}
        onChange={(e) => {
          setFiles([...(e.target.files ?? [])]);
        }}
      />
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy || files.length === 0}
          onClick={() => void upload()}
        >
          {busy ? t('uploading') : t('upload')}
        </button>
      </div>
      {lines.length === 0 ? (
        <p className="muted">{t('noFiles')}</p>
      ) : (
        <ul className="list" data-testid="evidence-results">
          {lines.map((l) => (
            <li key={l.key} className={l.ok ? 'notice' : 'error'} role={l.ok ? 'status' : 'alert'}>
              {l.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
