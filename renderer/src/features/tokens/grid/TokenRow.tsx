/** One row of the token grid; only the cells of the columns the layout shows. */
import { RotationLink } from '../../rotation/RotationLink';
import { memo } from 'react';
import type { TokenView } from '../../../../../common/contract';
import { useTokensUiStore } from '../store/tokens-ui-store';
import { RelativeTime } from '../../../ui/RelativeTime';
import { StatusBadge } from '../../../ui/StatusBadge';
import { OwnTokenBadge } from '../OwnTokenBadge';
import { TokenAvatar } from '../TokenAvatar';
import { RowActions } from './RowActions';
import type { ColumnKey, GridLayout } from './columns';
import { ROW_HEIGHT, rowDomId } from './use-grid-keyboard';

interface RowProps {
  token: TokenView;
  index: number;
  top: number;
  selected: boolean;
  tabbable: boolean;
  /** The connection signs in with this token: its badge, and no Disable or Delete. */
  own: boolean;
  layout: GridLayout;
}

export const TokenRow = memo(function TokenRow({ token, index, top, selected, tabbable, own, layout }: RowProps) {
  const tab = tabbable ? 0 : -1;
  return (
    <div
      role="row"
      id={rowDomId(token.id)}
      data-row-id={token.id}
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={tab}
      className={selected ? 'grid-row token-row selected' : 'grid-row token-row'}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onFocus={(e) => {
        if (e.target === e.currentTarget && useTokensUiStore.getState().focusedId !== token.id) {
          useTokensUiStore.getState().setFocused(token.id);
        }
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget || (e.target as HTMLElement).closest('button,input') === null) {
          useTokensUiStore.getState().setFocused(token.id);
        }
      }}
      onDoubleClick={() => useTokensUiStore.getState().openDetails(token.id)}
    >
      <div role="gridcell" aria-colindex={1} className="cell cell-check">
        <input
          type="checkbox"
          tabIndex={tab}
          aria-label={`Select ${token.name}`}
          checked={selected}
          onChange={() => useTokensUiStore.getState().toggleSelected(token.id)}
        />
      </div>
      {layout.columns.map((column) => (
        <Cell key={column.key} column={column.key} colIndex={column.colIndex} token={token} tab={tab} own={own} />
      ))}
    </div>
  );
});

/**
 * Text that may be cut short carries its full value in `title` (hover); the text itself stays
 * whole in the DOM (CSS draws the ellipsis), so screen readers read all of it.
 */
function Cell({ column, colIndex, token, tab, own }: { column: ColumnKey; colIndex: number; token: TokenView; tab: number; own: boolean }) {
  const created = token.audit?.created;
  const cell = (className: string, children: React.ReactNode, title?: string) => (
    <div role="gridcell" aria-colindex={colIndex} className={`cell ${className}`} title={title || undefined}>
      {children}
    </div>
  );
  switch (column) {
    case 'name':
      return cell(
        'cell-token',
        <>
          <TokenAvatar token={token} />
          <span className="token-name-block">
            <button type="button" className="token-name link" tabIndex={tab} title={token.name} onClick={() => useTokensUiStore.getState().openDetails(token.id)}>
              {token.name}
            </button>
            <span className="token-id-line">
              <span className="token-id muted">
                {token.id}
                <RotationLink token={token} />
              </span>
              {own ? <OwnTokenBadge /> : null}
            </span>
          </span>
        </>,
      );
    case 'modules': {
      const names = token.modules.map((m) => m.name ?? m.id);
      return cell('cell-modules', names.length === 1 ? names[0] : `${names.length} modules`, names.join(', '));
    }
    case 'createdBy':
      return cell(
        'cell-created-by',
        <span className="two-line">
          <span className="cut">{created?.by?.name ?? '—'}</span>
          <span className="muted actor-id">{created?.by?.id ?? ''}</span>
        </span>,
        [created?.by?.name, created?.by?.id].filter(Boolean).join(' · '),
      );
    case 'createdAt':
      return cell('cell-created-at', <RelativeTime iso={created?.at} never="—" />);
    case 'lastAccess':
      return cell('cell-last-access', <RelativeTime iso={token.lastAccessAt} />);
    case 'status':
      return cell('cell-status', <StatusBadge status={token.status} />);
    case 'actions':
      return cell('cell-actions', <RowActions token={token} own={own} tabIndex={tab} />);
  }
}
