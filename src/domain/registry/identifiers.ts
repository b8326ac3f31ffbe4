// Russian legal-entity identifiers. Check digits follow the Federal Tax Service algorithms
// (INN: order of the FNS No. ММВ-7-14/366@ weights; OGRN: remainder of division by 11).

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];

function digits(s: string): number[] {
  return [...s].map(Number);
}

/** Check digit of a 10-digit legal-entity INN computed from its first nine digits. */
export function innCheckDigit(first9: string): number {
  const sum = digits(first9).reduce((acc, d, i) => acc + d * (INN10_WEIGHTS[i] ?? 0), 0);
  return (sum % 11) % 10;
}

/** A legal entity's INN: 10 digits with a valid check digit. */
export function isValidInn(inn: string): boolean {
  if (!/^\d{10}$/.test(inn)) return false;
  return innCheckDigit(inn.slice(0, 9)) === Number(inn[9]);
}

/** Check digit of a 13-digit OGRN computed from its first twelve digits. */
export function ogrnCheckDigit(first12: string): number {
  // 12 digits exceed 2^53 only above 9.007e15, so a plain number is exact here.
  return (Number(first12) % 11) % 10;
}

/** OGRN of a legal entity: 13 digits with a valid check digit. */
export function isValidOgrn(ogrn: string): boolean {
  if (!/^\d{13}$/.test(ogrn)) return false;
  return ogrnCheckDigit(ogrn.slice(0, 12)) === Number(ogrn[12]);
}

/** KPP: 4 digits (tax office), 2 digits or capital letters (reason), 3 digits. */
export function isValidKpp(kpp: string): boolean {
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(kpp);
}

/** Completes nine digits to a valid INN (used by factories and the demo region). */
export function completeInn(first9: string): string {
  return first9 + String(innCheckDigit(first9));
}

/** Completes twelve digits to a valid OGRN. */
export function completeOgrn(first12: string): string {
  return first12 + String(ogrnCheckDigit(first12));
}

/** Explains in Russian what is wrong with an INN, or returns null when it is valid. */
export function innProblem(inn: string): string | null {
  if (!/^\d+$/.test(inn)) return 'ИНН должен состоять только из цифр';
  if (inn.length !== 10) return `ИНН организации содержит 10 цифр, указано ${inn.length}`;
  if (!isValidInn(inn)) return 'неверная контрольная цифра ИНН';
  return null;
}
