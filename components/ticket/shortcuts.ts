/** A key and what it does. */
export type Shortcut = readonly [key: string, description: string];

/** Every keyboard shortcut of the agent workspace, for the help overlay. Handlers live with their pages. */
export const SHORTCUT_GROUPS: readonly { title: string; shortcuts: readonly Shortcut[] }[] = [
  {
    title: 'Anywhere',
    shortcuts: [
      ['/', 'Search tickets'],
      ['?', 'Show these shortcuts'],
    ],
  },
  {
    title: 'Ticket lists',
    shortcuts: [
      ['j', 'Next ticket'],
      ['k', 'Previous ticket'],
      ['Enter', 'Open the focused ticket'],
      ['x', 'Select or unselect the focused ticket'],
    ],
  },
  {
    title: 'A ticket',
    shortcuts: [
      ['r', 'Write a public reply'],
      ['n', 'Write an internal note'],
      ['m', 'Apply a macro (Alt+M while typing a reply)'],
      ['a', 'Change the assignee'],
      ['s', 'Change the status'],
    ],
  },
];
