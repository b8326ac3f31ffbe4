// Declaration of `noko monitor`; the crawler (monitor.ts) is imported only when the command runs.
// Argument errors are reported in Russian with exit code 2 (site-monitoring.md «Contract»): the URL
// is optional here so that a missing one reaches the same check as a malformed one, and
// commander's own messages for this command are translated.
import type { Command } from 'commander';
import type { MonitorFlags } from './monitor.ts';

const COMMANDER_RU: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^error: option '([^']+)' argument missing/, (m) => `у параметра ${m[1]} не указано значение`],
  [
    /^error: unknown option '([^']+)'(?:\s*\(Did you mean ([^?]+)\?\))?/,
    (m) => `неизвестный параметр ${m[1]}${m[2] ? ` (возможно, имелся в виду ${m[2]})` : ''}`,
  ],
  [/^error: too many arguments/, () => 'лишние аргументы: нужен один адрес сайта'],
  [/^error: missing required argument/, () => 'адрес сайта не указан'],
];

export function translateCommanderError(message: string): string {
  for (const [re, ru] of COMMANDER_RU) {
    const m = re.exec(message.trim());
    if (m) return `noko monitor: ${ru(m)}\n`;
  }
  return message;
}

export function registerMonitor(program: Command): void {
  program
    .command('monitor')
    .description(
      'проверить раздел «Сведения об образовательной организации» сайта (приказ № 1493, МР v9)',
    )
    .argument('[url]', 'адрес сайта, например https://school.example/')
    .option('--kind <kind>', 'вид организации: preschool | school | vocational | additional')
    .option('--json', 'вывести результат в JSON (формат site-monitoring.md)')
    .option('--allow-private', 'разрешить адреса частных сетей и localhost (для тестов)')
    .configureOutput({
      outputError: (str, write) => write(translateCommanderError(str)),
    })
    .addHelpText(
      'after',
      '\nКоды выхода: 0 — проверка выполнена (даже если сайт не соответствует требованиям);\n' +
        '2 — неверные аргументы; 3 — сайт недоступен.',
    )
    .action(async (url: string | undefined, flags: MonitorFlags) =>
      (await import('./monitor.ts')).monitorCommand(url ?? '', flags),
    );
}
