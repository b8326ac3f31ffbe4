// The one-time display of a generated password (after creation or a reset): it is not stored in
// clear anywhere, so the administrator must copy it now and hand it over.
import { Alert, Code, Text } from '@mantine/core';

export function PasswordNotice({ email, password }: { email: string; password: string }) {
  return (
    <Alert color="yellow" variant="light" title="Пароль показан один раз" role="status">
      <Text>
        Передайте пользователю {email} пароль <Code fz="md">{password}</Code>. Он больше не будет
        показан; пользователь может сменить его на странице «Учётная запись».
      </Text>
    </Alert>
  );
}
