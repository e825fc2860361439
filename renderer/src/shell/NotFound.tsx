/** An address the app does not know: say so, and offer the way to the token list. */
import { useEffect, useRef } from 'react';
import { Link } from './Link';
import { HOME_PATH } from './routes';

export function NotFound({ path }: { path: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [path]);
  return (
    <section className="panel not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title" tabIndex={-1} ref={heading}>
        Page not found
      </h1>
      <p>
        Token Desk has no page at <code>{path}</code>.
      </p>
      <p>
        <Link to={HOME_PATH} className="btn btn-primary">
          Go to API tokens
        </Link>
      </p>
    </section>
  );
}
