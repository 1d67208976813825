// What a view is. Each view lives in one file under views/ and exports `view`; the navigation
// is built from whatever files are there (see main.ts), so adding a view is adding a file.
import type { Activity, Session } from "./api";

export interface App {
  session: Session;
  activities: Activity[];
  // The label of an activity id ("writing" -> "Writing").
  label(id: string): string;
  reloadActivities(): Promise<void>;
}

export interface View {
  id: string; // the address: #/id
  title: string; // the navigation label and the page heading
  order: number; // position in the navigation
  render(root: HTMLElement, app: App): Promise<void> | void;
}
