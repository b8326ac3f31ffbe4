// The general rules about files (site-monitoring.md): links to files say what the file is (1493
// p.4), PDF documents have a text layer (1493 pp.22–26), document links open, and the
// e-signature heuristic (PP 1802 p.18; clarifications, answer 2: a hint, never a failure).
import { check, resolve } from './site-check.ts';
import type { SiteCheck, SiteEvidence } from './site-check.ts';

const FILE_HREF = /\.(pdf|docx?|xlsx?|rtf|odt|ods|pptx?|zip|rar|7z|jpe?g|png|tiff?|sig)(\?|$)/i;
const FILE_HREF_RAW =
  /\.(pdf|docx?|xlsx?|rtf|odt|ods|pptx?|zip|rar|7z|jpe?g|png|tiff?|sig)([?#]|$)/i;
// Link texts that say nothing about the file (1493 p.4: links carry «информацию о назначении
// данных файлов»). A size or format in brackets is not a description either.
const GENERIC_TEXT =
  /^(скачать|загрузить|открыть|просмотр|просмотреть|смотреть|посмотреть|подробнее|читать|ссылка|файл|документ|здесь|тут|сюда|далее|download|open|link|file|here|pdf|docx?|xlsx?|rtf)$/i;

function describes(text: string): boolean {
  const t = text
    .replace(/\((pdf|docx?|xlsx?|rtf|odt|zip)?[^)]*\d+[^)]*\)/gi, '')
    .replace(/[«»"'.,:;!?()[\]\-–—→↓]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return t.length > 0 && !GENERIC_TEXT.test(t) && !/^\d+$/.test(t);
}

export function fileLinkPurposeCheck(e: SiteEvidence): SiteCheck {
  const title = 'Ссылки на файлы описывают их назначение';
  const basis = 'приказ № 1493 п.4';
  let files = 0;
  const bad: string[] = [];
  const seen = new Set<string>();
  for (const page of e.sections) {
    for (const l of page.model.links) {
      if (!FILE_HREF_RAW.test(l.href)) continue;
      const u = resolve(l.href, page.url);
      if (!u || !FILE_HREF.test(u.pathname) || seen.has(u.href)) continue;
      seen.add(u.href);
      files++;
      if (!describes(l.text)) bad.push(`${u.href} — «${l.text}»`);
    }
  }
  if (files === 0)
    return check(
      'file_link_purpose',
      title,
      basis,
      'not_checked',
      'в подразделах нет ссылок на файлы',
    );
  if (bad.length === 0)
    return check('file_link_purpose', title, basis, 'pass', `ссылок на файлы: ${files}`);
  return check(
    'file_link_purpose',
    title,
    basis,
    'fail',
    `у ${bad.length} из ${files} ссылок на файлы текст не говорит, что это за файл`,
    bad,
  );
}

export function pdfTextLayerCheck(e: SiteEvidence): SiteCheck {
  const title = 'Документы PDF с текстовым слоем (не сканы)';
  const basis = 'приказ № 1493 пп.22–26';
  const read = e.documents.filter((d) => d.status === 'text' || d.status === 'scan');
  const scans = read.filter((d) => d.status === 'scan');
  const unknown = e.documents.filter((d) => d.status === 'unknown');
  if (read.length === 0 && unknown.length === 0)
    return check('pdf_text_layer', title, basis, 'not_checked', 'документы PDF не проверялись');
  if (scans.length > 0)
    return check(
      'pdf_text_layer',
      title,
      basis,
      'fail',
      `без текстового слоя ${scans.length} из ${read.length + unknown.length} проверенных документов`,
      scans.map((d) => d.url),
    );
  if (unknown.length > 0)
    return check(
      'pdf_text_layer',
      title,
      basis,
      'warning',
      `не удалось прочитать ${unknown.length} документов (защищены или повреждены)`,
      unknown.map((d) => `${d.url}${d.reason ? ` — ${d.reason}` : ''}`),
    );
  return check('pdf_text_layer', title, basis, 'pass', `проверено документов: ${read.length}`);
}

export function documentsAvailableCheck(e: SiteEvidence): SiteCheck {
  const title = 'Ссылки на документы открываются';
  const basis = 'приказ № 1493 пп.4, 22';
  if (e.documents.length === 0)
    return check('documents_available', title, basis, 'not_checked', 'документы не проверялись');
  const broken = e.documents.filter((d) => d.status === 'unavailable');
  if (broken.length === 0)
    return check(
      'documents_available',
      title,
      basis,
      'pass',
      `проверено ссылок: ${e.documents.length}`,
    );
  return check(
    'documents_available',
    title,
    basis,
    'fail',
    `не открываются ${broken.length} из ${e.documents.length} проверенных ссылок на документы`,
    broken.map((d) => `${d.url} — ${d.reason ?? 'недоступен'}`),
  );
}

export function eSignatureCheck(e: SiteEvidence): SiteCheck {
  const title = 'Простая электронная подпись документов (эвристика)';
  const basis = 'ПП РФ № 1802 п.18; разъяснения Рособрнадзора, ответ 2';
  const signed = e.documents.filter((d) => d.signed).map((d) => d.url);
  const evidence = [...signed, ...e.signatureFiles];
  if (evidence.length > 0)
    return check(
      'e_signature',
      title,
      basis,
      'pass',
      'найдены признаки электронной подписи',
      evidence,
      false,
    );
  if (e.documents.length === 0)
    return check('e_signature', title, basis, 'not_checked', 'документы не проверялись', [], false);
  return check(
    'e_signature',
    title,
    basis,
    'warning',
    'признаков электронной подписи не найдено; скан с подписью и печатью допустим — проверьте вручную',
    [],
    false,
  );
}
