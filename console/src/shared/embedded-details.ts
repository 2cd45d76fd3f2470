import { createContext } from 'react';

/**
 * Set while a details page renders inside a list's split panel: it then shows its details and
 * tabs only (the list above has the title and the Actions), reads again when the list does
 * (`refresh` changes), and tells the list about changes made in it.
 */
export const EmbeddedDetails = createContext<{ readonly refresh: number; readonly onChanged: () => void } | undefined>(undefined);
