// The error summary at the top of a form (GOV.UK pattern): a titled alert that takes focus when it
// appears so screen readers announce it, listing field messages that link to their inputs.
import { useEffect, useRef } from 'react';
import { Alert, Anchor, List } from '@mantine/core';

export interface FormFailure {
  ok: false;
  message: string;
  /** Field name → message; the input with id = name gets the link. */
  fields: Record<string, string>;
}

export interface ErrorSummaryProps {
  /** An action's failure (ActionFailure of src/web/routes/campaigns/campaigns.server.ts fits). */
  failure?: FormFailure | null | undefined;
  title?: string;
}

export function ErrorSummary({ failure, title = 'Не получилось' }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure && failure.ok === false) ref.current?.focus();
  }, [failure]);
  if (!failure || failure.ok !== false) return null;
  const fields = Object.entries(failure.fields).filter(([, m]) => !failure.message.includes(m));
  return (
    <Alert ref={ref} color="red" variant="light" title={title} role="alert" tabIndex={-1}>
      {failure.message}
      {fields.length > 0 && (
        <List size="sm" mt="xs">
          {fields.map(([name, message]) => (
            <List.Item key={name}>
              <Anchor href={`#${name}`} c="red.9">
                {message}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** The hidden CSRF field every POST form carries (`csrfToken` of the load context). */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}
