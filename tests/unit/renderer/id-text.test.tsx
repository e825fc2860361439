// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { IdText } from '../../../renderer/src/features/audit/IdText';

describe('IdText keeps each Marketplace id on one line', () => {
  it('wraps every id in a no-wrap span and keeps the text around it', () => {
    const { container } = render(<IdText text={'The API token TKN-1234-5678 "x" has been updated by Tony Stark (USR-6455-9502).'} />);
    expect(container.textContent).toBe('The API token TKN-1234-5678 "x" has been updated by Tony Stark (USR-6455-9502).');
    const spans = [...container.querySelectorAll('span')];
    expect(spans.map((s) => s.textContent)).toEqual(['TKN-1234-5678', 'USR-6455-9502']);
    expect(spans.every((s) => s.style.whiteSpace === 'nowrap')).toBe(true);
  });

  it('text without ids stays plain text', () => {
    const { container } = render(<IdText text="Nothing to see" />);
    expect(container.querySelector('span')).toBeNull();
    expect(container.textContent).toBe('Nothing to see');
  });
});
