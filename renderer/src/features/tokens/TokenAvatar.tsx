import type { TokenView } from '../../../../common/contract';
import { initials } from '../../ui/format';

/** The token's logo when it is inline image data, else its initials. (The renderer cannot fetch API URLs.) */
export function TokenAvatar({ token, size = 32 }: { token: TokenView; size?: number }) {
  const icon = token.icon ?? '';
  if (icon.startsWith('data:image/')) {
    return <img className="token-avatar" src={icon} alt="" width={size} height={size} />;
  }
  return (
    <span className="token-avatar token-initials" aria-hidden="true" style={{ width: size, height: size }}>
      {initials(token.name)}
    </span>
  );
}
