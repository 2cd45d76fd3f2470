import { createContext } from 'react';

/**
 * Set while a details page renders inside a list's split panel: it then shows its details and
 * tabs only (the list above has the title and the Actions), reads again when the list does
 * (`refresh` is the list's data: each load is a new one), and tells the list about changes made in it.
 */
export const EmbeddedDetails = createContext<{ readonly refresh: unknown; readonly onChanged: () => void } | undefined>(undefined);
