import { NavLink } from 'react-router';

export type NavItem = { to: string; label: string; end?: boolean };

const bar = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: 4,
  paddingInline: 24,
  background: '#fff',
  borderBottom: '1px solid #e5e7eb',
} as const;

const link = (active: boolean) =>
  ({
    padding: '12px 16px',
    fontSize: 15,
    color: active ? '#15803d' : 'rgba(0,0,0,0.75)',
    fontWeight: active ? 600 : 400,
    borderBottom: `2px solid ${active ? '#15803d' : 'transparent'}`,
    textDecoration: 'none',
  }) as const;

/** Section links as plain anchors: antd's Menu and Tabs would weigh on the slow village links. */
export function NavBar({ items, label }: { items: NavItem[]; label: string }) {
  return (
    <nav style={bar} className="no-print" aria-label={label}>
      {items.map((item) => (
        <NavLink key={item.to} to={item.to} end={item.end} style={({ isActive }) => link(isActive)}>
          {item.label}
        </NavLink>
      ))}
    </nav>
  );
}
