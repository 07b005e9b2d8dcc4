/** Every keyboard shortcut of the agent workspace, for the help overlay. Handlers live with their pages. */
export const SHORTCUT_GROUPS = [
  {
    title: 'Anywhere',
    items: [
      { keys: ['/'], description: 'Search tickets' },
      { keys: ['?'], description: 'Show these shortcuts' },
    ],
  },
  {
    title: 'Ticket lists',
    items: [
      { keys: ['j'], description: 'Next ticket' },
      { keys: ['k'], description: 'Previous ticket' },
      { keys: ['Enter'], description: 'Open the focused ticket' },
      { keys: ['x'], description: 'Select or unselect the focused ticket' },
    ],
  },
  {
    title: 'A ticket',
    items: [
      { keys: ['r'], description: 'Write a public reply' },
      { keys: ['n'], description: 'Write an internal note' },
      { keys: ['m'], description: 'Apply a macro (Alt+M while typing a reply)' },
      { keys: ['a'], description: 'Change the assignee' },
      { keys: ['s'], description: 'Change the status' },
    ],
  },
] as const;
