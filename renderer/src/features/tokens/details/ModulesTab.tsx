import type { TokenView } from '../../../../../common/contract';

export function ModulesTab({ token }: { token: TokenView }) {
  if (token.modules.length === 0) return <p className="muted">This token has no modules.</p>;
  return (
    <ul className="module-list">
      {token.modules.map((m) => (
        <li key={m.id}>
          <strong>{m.name ?? m.id}</strong> <span className="muted">{m.id}</span>
          {m.description ? <p>{m.description}</p> : null}
        </li>
      ))}
    </ul>
  );
}
