// Keeps a section's unsaved answers on the device (localStorage) while the expert works where the
// connection drops: every change is written locally; on the next visit a newer local draft is
// offered back («Восстановить»). The server copy is written on every section submit; a draft
// older than it, or equal to what the form already shows, is dropped silently. Without
// JavaScript nothing of this runs and the form still works.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';

interface Draft {
  savedAt: number;
  fields: [string, string][];
}

const SKIP = new Set(['_csrf', 'intent', 'step']);

function serialize(form: HTMLFormElement): [string, string][] {
  const out: [string, string][] = [];
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) continue;
    if (!el.name || SKIP.has(el.name) || el.type === 'file' || el.disabled) continue;
    if ((el.type === 'radio' || el.type === 'checkbox') && !(el as HTMLInputElement).checked)
      continue;
    out.push([el.name, el.value]);
  }
  return out;
}

function restore(form: HTMLFormElement, fields: [string, string][]): void {
  for (const [name, value] of fields) {
    for (const el of Array.from(form.elements)) {
      if (
        !(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) ||
        el.name !== name
      )
        continue;
      if (el instanceof HTMLInputElement && el.type === 'radio') el.checked = el.value === value;
      else if (el.type !== 'file') el.value = value;
    }
  }
}

function same(a: [string, string][], b: [string, string][]): boolean {
  const key = (l: [string, string][]) => JSON.stringify([...l].sort());
  return key(a) === key(b);
}

function read(key: string): Draft | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

export function draftKey(campaignId: number, organizationId: number, side: string, step: string) {
  return `noko:checklist:${campaignId}:${organizationId}:${side}:${step}`;
}

export function DraftKeeper(props: {
  formId: string;
  storageKey: string;
  /** The section just saved on the server (its local draft is obsolete). */
  savedKey: string | null;
  serverUpdatedAt: string | null;
}) {
  const { formId, storageKey, savedKey, serverUpdatedAt } = props;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    try {
      if (savedKey) window.localStorage.removeItem(savedKey);
    } catch {
      /* storage unavailable (private mode): nothing to keep */
    }
    const stored = read(storageKey);
    const serverAt = serverUpdatedAt ? Date.parse(serverUpdatedAt) : 0;
    if (stored && stored.savedAt > serverAt && !same(stored.fields, serialize(form)))
      setDraft(stored);
    else if (stored) window.localStorage.removeItem(storageKey);
    const keep = () => {
      try {
        const d: Draft = { savedAt: Date.now(), fields: serialize(form) };
        window.localStorage.setItem(storageKey, JSON.stringify(d));
      } catch {
        /* storage full or unavailable: the server copy is still written on submit */
      }
    };
    const network = () => setOffline(!navigator.onLine);
    form.addEventListener('input', keep);
    form.addEventListener('change', keep);
    window.addEventListener('online', network);
    window.addEventListener('offline', network);
    network();
    return () => {
      form.removeEventListener('input', keep);
      form.removeEventListener('change', keep);
      window.removeEventListener('online', network);
      window.removeEventListener('offline', network);
    };
  }, [formId, storageKey, savedKey, serverUpdatedAt]);

  const discard = () => {
    window.localStorage.removeItem(storageKey);
    setDraft(null);
  };
  const apply = () => {
    const form = document.getElementById(formId);
    if (draft && form instanceof HTMLFormElement) restore(form, draft.fields);
    setDraft(null);
  };
  return (
    <>
      {offline && (
        <Alert color="orange" variant="light" role="status" title="Нет связи с сервером">
          Ответы этого раздела сохраняются на этом устройстве. Нажмите «Сохранить», когда связь
          появится.
        </Alert>
      )}
      {draft && (
        <Alert color="blue" variant="light" role="status" title="Есть несохранённые ответы">
          <Text size="sm">
            На этом устройстве остались ответы этого раздела, не отправленные на сервер (
            {new Date(draft.savedAt).toLocaleString('ru-RU')}).
          </Text>
          <Group mt="sm" gap="sm">
            <Button type="button" size="md" onClick={apply}>
              Восстановить
            </Button>
            <Button type="button" size="md" variant="default" onClick={discard}>
              Отбросить
            </Button>
          </Group>
        </Alert>
      )}
    </>
  );
}
